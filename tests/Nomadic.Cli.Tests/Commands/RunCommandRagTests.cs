using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Commands;

public sealed class RunCommandRagTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_RagExampleWithFewSamples_WritesRunsWithRetrievalMetadata()
    {
        string folder = _temp.CopyFrom(Repository.Example("rag"), "rag");
        string file = Path.Combine(folder, "experiment.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("num_samples: 30", "num_samples: 4", StringComparison.Ordinal));

        // The real binary, as the README runs it: the local embedding model loads in its own process.
        using CliProcess process = CliProcess.Start(folder, "run", file);
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.Contains("rag ndcg@5 over 42 documents, 92 questions", outcome.Stdout, StringComparison.Ordinal);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(folder, "out", "results.json"));
        Assert.Equal(4, result.Count);
        RunResult baseline = result.RunResults[result.BaselineIndex];
        Assert.Equal("bm25", baseline.Params["retriever"]);
        Assert.All(result.RunResults, r => Assert.True(r.HasUsableScore, r.Error));
        Assert.Equal(92, ((System.Collections.IList)baseline.Metadata["item_scores"]!).Count);
        Assert.True(File.Exists(Path.Combine(folder, "out", "results.csv")));
    }

    [Theory]
    [InlineData("metric: ndcg@5", "metric: precision@5", "unknown metric \"precision@5\"")]
    [InlineData("corpus: corpus/", "corpus: missing/", "the rag corpus folder")]
    [InlineData("questions: questions.jsonl", "questions: nope.jsonl", "the rag questions file")]
    [InlineData("  top_k: [3, 5, 8]", "  top_kk: [3, 5, 8]", "parameter \"top_kk\" is not one the rag pipeline knows; did you mean \"top_k\"?")]
    [InlineData("retriever: bm25, top_k: 3", "retriever: dense, top_k: 3", "\"current_params\": Retrieval parameter \"retriever\" is \"dense\"")]
    public async Task Run_BadRagObjective_OneLineError(string original, string replacement, string message)
    {
        string folder = _temp.CopyFrom(Repository.Example("rag"), "rag");
        string file = Path.Combine(folder, "experiment.yaml");
        string text = File.ReadAllText(file);
        Assert.Contains(original, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(original, replacement, StringComparison.Ordinal));

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr, StringComparison.Ordinal);
        Assert.Single(outcome.Stderr.Trim().Split('\n'));
    }
}
