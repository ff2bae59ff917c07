using Nomadic.Results;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Results;

public class RunResultTests
{
    [Fact]
    public void Constructor_SeedExample_KeepsScoreParamsAndMetadata()
    {
        RunResult result = ExampleRun();

        Assert.Equal(0.85, result.Score);
        Assert.Equal(0.01, result.Params["learning_rate"]);
        Assert.Equal(32, result.Params["batch_size"]);
        Assert.Equal("001", result.Metadata["run_id"]);
        Assert.Equal("baseline", result.Metadata["experiment"]);
    }

    [Fact]
    public void Constructor_MetadataOmitted_IsEmptyNotNull()
    {
        var result = new RunResult(0.5, Params(("x", 1)));

        Assert.NotNull(result.Metadata);
        Assert.Empty(result.Metadata);
    }

    [Fact]
    public void Constructor_NullParams_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new RunResult(0.5, null!));
    }

    [Fact]
    public void Constructor_Defaults_AreCompletedUnnumberedAndNotBaseline()
    {
        var result = new RunResult(0.5, Params());

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(-1, result.TrialNumber);
        Assert.Null(result.Error);
        Assert.Null(result.StartedAt);
        Assert.Null(result.Duration);
        Assert.False(result.IsBaseline);
    }

    [Fact]
    public void ToString_SeedExample_PrintsScoreParamsAndMetadataLikeNomadic()
    {
        Assert.Equal(
            "RunResult(score=0.85, params={'learning_rate': 0.01, 'batch_size': 32}, metadata={'run_id': '001', 'experiment': 'baseline'})",
            ExampleRun().ToString());
    }

    [Fact]
    public void ToString_NoMetadata_PrintsEmptyBraces()
    {
        Assert.Equal("RunResult(score=0.5, params={'x': true, 'y': null}, metadata={})", Run(0.5, ("x", true), ("y", null)).ToString());
    }

    [Fact]
    public void ToString_NestedMetadata_PrintsItReadably()
    {
        var result = new RunResult(1.25, Params(("k", 3)), Params(("tokens", Params(("in", 10), ("out", 4))), ("tags", new List<object?> { "a", 2 })));

        Assert.Equal("RunResult(score=1.25, params={'k': 3}, metadata={'tokens': {'in': 10, 'out': 4}, 'tags': ['a', 2]})", result.ToString());
    }

    [Fact]
    public void ToString_FailedRun_AddsStatusAndError()
    {
        RunResult result = RunResult.Failed(Params(("k", 3)), "TimeoutException: took too long");

        Assert.Equal("RunResult(score=NaN, params={'k': 3}, metadata={}, status=failed, error=TimeoutException: took too long)", result.ToString());
    }

    [Fact]
    public void ToString_PrunedRun_AddsStatus()
    {
        var result = new RunResult(0.25, Params(("k", 3))) { Status = RunStatus.Pruned };

        Assert.EndsWith(", status=pruned)", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_Factory_HasNaNScoreFailedStatusAndError()
    {
        RunResult result = RunResult.Failed(Params(("k", 3)), "boom", Params(("attempts", 2)));

        Assert.True(double.IsNaN(result.Score));
        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal("boom", result.Error);
        Assert.Equal(3, result.Params["k"]);
        Assert.Equal(2, result.Metadata["attempts"]);
        Assert.False(result.HasUsableScore);
    }

    [Fact]
    public void Failed_NoMetadata_IsEmptyNotNull()
    {
        Assert.Empty(RunResult.Failed(Params(), "boom").Metadata);
    }

    [Theory]
    [InlineData(0.5, RunStatus.Completed, true)]
    [InlineData(-1e300, RunStatus.Completed, true)]
    [InlineData(double.NaN, RunStatus.Completed, false)]
    [InlineData(double.PositiveInfinity, RunStatus.Completed, false)]
    [InlineData(double.NegativeInfinity, RunStatus.Completed, false)]
    [InlineData(0.5, RunStatus.Failed, false)]
    [InlineData(0.5, RunStatus.Pruned, false)]
    public void HasUsableScore_ScoreAndStatus_OnlyCompletedFinite(double score, RunStatus status, bool expected)
    {
        Assert.Equal(expected, new RunResult(score, Params()) { Status = status }.HasUsableScore);
    }

    [Fact]
    public void WithTrialInfo_Run_ReplacesBookkeepingAndKeepsOutcome()
    {
        RunResult failed = RunResult.Failed(Params(("k", 1)), "boom", Params(("m", "v")));
        var started = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        RunResult copy = failed.WithTrialInfo(7, started, TimeSpan.FromSeconds(2), isBaseline: true);

        Assert.Equal((7, started, TimeSpan.FromSeconds(2), true), (copy.TrialNumber, copy.StartedAt!.Value, copy.Duration!.Value, copy.IsBaseline));
        Assert.Equal((RunStatus.Failed, "boom"), (copy.Status, copy.Error));
        Assert.Same(failed.Params, copy.Params);
        Assert.Same(failed.Metadata, copy.Metadata);
        Assert.Equal(-1, failed.TrialNumber);
    }

    [Fact]
    public void WithParams_Run_ReplacesParamsAndKeepsEverythingElse()
    {
        RunResult run = new RunResult(0.5, Params(("a", 1)), Params(("m", 2))) { Status = RunStatus.Pruned, Error = "e" }
            .WithTrialInfo(3, DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(5), isBaseline: true);
        Dictionary<string, object?> merged = Params(("a", 1), ("fixed", "yes"));

        RunResult copy = run.WithParams(merged);

        Assert.Same(merged, copy.Params);
        Assert.Equal((0.5, RunStatus.Pruned, "e", 3, true), (copy.Score, copy.Status, copy.Error, copy.TrialNumber, copy.IsBaseline));
        Assert.Equal((DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(5)), (copy.StartedAt!.Value, copy.Duration!.Value));
        Assert.Same(run.Metadata, copy.Metadata);
    }

    [Fact]
    public void IntermediateValues_NotGiven_IsEmpty()
    {
        Assert.Empty(Run(1).IntermediateValues);
    }

    [Fact]
    public void IntermediateValues_StepsNotIncreasing_ThrowArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => new RunResult(1, Params()) { IntermediateValues = [new(0, 1), new(2, 1), new(2, 3)] });

        Assert.Contains("step 2 follows step 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntermediateValues_NegativeFirstStepOrNaN_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new RunResult(1, Params()) { IntermediateValues = [new(-1, 1)] });
        Assert.Throws<ArgumentException>(() => new RunResult(1, Params()) { IntermediateValues = [new(0, double.NaN)] });
    }

    [Fact]
    public void WithTrialInfo_RunWithIntermediateValues_KeepsThem()
    {
        RunResult run = new RunResult(1, Params()) { IntermediateValues = [new(0, 0.5), new(3, 1)] };

        RunResult copy = run.WithTrialInfo(4, null, null, isBaseline: false).WithParams(Params(("x", 1)));

        Assert.Equal(run.IntermediateValues, copy.IntermediateValues);
    }

    [Fact]
    public void Pruned_WithReports_ScoresTheLastValue()
    {
        RunResult run = RunResult.Pruned(Params(("x", 1)), [new(0, 0.2), new(1, 0.3)]);

        Assert.Equal((RunStatus.Pruned, 0.3, false), (run.Status, run.Score, run.HasUsableScore));
        Assert.Equal(2, run.IntermediateValues.Count);
    }

    [Fact]
    public void Pruned_WithoutReports_ScoresNaN()
    {
        Assert.True(double.IsNaN(RunResult.Pruned(Params(), []).Score));
    }

    [Fact]
    public void FromJson_WrittenRun_ReadsBack()
    {
        RunResult run = RunResult.FromJson(Nomadic.Storage.StorageJson.WriteRun(ExampleRun().WithTrialInfo(4, null, TimeSpan.FromSeconds(2), false)));

        Assert.Equal((0.85, 4, RunStatus.Completed), (run.Score, run.TrialNumber, run.Status));
        Assert.Equal("001", run.Metadata["run_id"]);
    }

    [Theory]
    [InlineData("""{"trial_number": 2, "score": "Infinity", "params": {}}""", "run_results[7].score: \"Infinity\" is not a finite number")]
    [InlineData("""{"trial_number": -5, "score": 1, "params": {}}""", "run_results[7].trial_number: -5 is negative")]
    [InlineData("""{"score": 1, "params": {"lr": 1e309}}""", "run_results[7].params.lr: 1e309 is not a finite number")]
    [InlineData("""{"score": 1, "params": {}""", "malformed JSON at line 1")]
    public void FromJson_InvalidRun_ThrowsNamingTheField(string json, string message)
    {
        var error = Assert.Throws<ResultFormatException>(() => RunResult.FromJson(json, "run_results[7]"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
