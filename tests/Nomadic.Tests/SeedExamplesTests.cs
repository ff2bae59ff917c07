using Microsoft.Data.Analysis;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests;

/// <summary>The two examples of nomadic's RunResult / ExperimentResult documentation, written in C#.</summary>
public class SeedExamplesTests
{
    [Fact]
    public void RunResultExample_PrintsScoreParamsAndMetadata()
    {
        var result = new RunResult(
            score: 0.85,
            @params: new Dictionary<string, object?> { ["learning_rate"] = 0.01, ["batch_size"] = 32 },
            metadata: new Dictionary<string, object?> { ["run_id"] = "001", ["experiment"] = "baseline" });

        Assert.Equal(0.85, result.Score);
        Assert.Equal("{'learning_rate': 0.01, 'batch_size': 32}", ParamValue.ToDisplayString(result.Params));
        Assert.Equal("{'run_id': '001', 'experiment': 'baseline'}", ParamValue.ToDisplayString(result.Metadata));
        Assert.Equal(
            "RunResult(score=0.85, params={'learning_rate': 0.01, 'batch_size': 32}, metadata={'run_id': '001', 'experiment': 'baseline'})",
            result.ToString());
    }

    [Fact]
    public void ExperimentResultExample_BestScoreIs090AndDataFrameHasOneRowPerRun()
    {
        var run1 = new RunResult(0.85, new Dictionary<string, object?> { ["learning_rate"] = 0.01, ["batch_size"] = 32 });
        var run2 = new RunResult(0.90, new Dictionary<string, object?> { ["learning_rate"] = 0.02, ["batch_size"] = 32 });
        var run3 = new RunResult(0.83, new Dictionary<string, object?> { ["learning_rate"] = 0.01, ["batch_size"] = 64 });
        var run4 = new RunResult(0.89, new Dictionary<string, object?> { ["learning_rate"] = 0.02, ["batch_size"] = 64 });

        var experimentResult = new ExperimentResult(
            hpSearchSpace: new SearchSpace
            {
                ["learning_rate"] = Tune.Choice(0.01, 0.02),
                ["batch_size"] = Tune.Choice(32, 64),
            },
            runResults: [run1, run2, run3, run4]);

        Assert.Equal(0.90, experimentResult.BestRunResult.Score);

        DataFrame df = experimentResult.ToDataFrame();
        Assert.Equal(4, df.Rows.Count);
        Assert.Equal(["score", "param_learning_rate", "param_batch_size"], df.Columns.Select(c => c.Name));
        Assert.Equal([0.85, 0.90, 0.83, 0.89], df["score"].Cast<double?>().Select(v => v!.Value));
        Assert.Equal([32, 32, 64, 64], df["param_batch_size"].Cast<int?>().Select(v => v!.Value));
    }
}
