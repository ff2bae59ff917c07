using System.Diagnostics;

namespace Nomadic.Docs.Tests.Packages;

/// <summary>
/// The nomadic tool and the Workspace library packed once, as the README tells a user to, into a temporary folder:
/// a Release build in an artifacts folder of its own, so the test run's own build outputs are never touched.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nomadic-pack");
    private readonly Lazy<string> _tool;

    /// <summary>Packs src/Nomadic.Cli, then src/Nomadic.Workspace from the same build.</summary>
    public PackedPackages()
    {
        string artifacts = Path.Combine(_folder.FullName, "artifacts");
        Output = Path.Combine(_folder.FullName, "nupkg");
        Dotnet("pack", "src/Nomadic.Cli", "-c", "Release", "-o", Output, "--artifacts-path", artifacts);
        Dotnet("pack", "src/Nomadic.Workspace", "-c", "Release", "-o", Output, "--artifacts-path", artifacts, "--no-build");
        _tool = new Lazy<string>(Install);
    }

    /// <summary>Gets the folder the tool package is installed into, as <c>dotnet tool install --tool-path</c> does, on first use.</summary>
    public string ToolFolder => Path.GetDirectoryName(_tool.Value)!;

    /// <summary>Gets the installed <c>nomadic</c> command, installing the tool on first use.</summary>
    public string Nomadic => _tool.Value;

    /// <summary>Gets the folder holding the .nupkg files.</summary>
    public string Output { get; }

    /// <summary>Gets the path of a package this fixture made.</summary>
    public string Package(string id) => Path.Combine(Output, $"{id}.0.1.0.nupkg");

    /// <summary>Runs dotnet in the repository root and returns its output; throws with that output when it fails.</summary>
    public static string Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string all = output + error.Result;
        return process.ExitCode == 0 ? all : throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{all}");
    }

    private string Install()
    {
        string tools = Path.Combine(_folder.FullName, "tools");
        Dotnet("tool", "install", "Nomadic.Cli", "--tool-path", tools, "--add-source", Output, "--version", "0.1.0");
        return Path.Combine(tools, OperatingSystem.IsWindows() ? "nomadic.exe" : "nomadic");
    }

    /// <inheritdoc/>
    public void Dispose() => _folder.Delete(recursive: true);
}
