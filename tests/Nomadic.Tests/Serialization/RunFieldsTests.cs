using Nomadic.Results;

namespace Nomadic.Tests.Serialization;

/// <summary>The rules every reader of runs applies (result files, journals, Workspace uploads), read through <see cref="ExperimentResult.FromJson"/>.</summary>
public class RunFieldsTests
{
    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("null")]
    public void Read_CompletedRunWithoutFiniteScore_ThrowsNamingTheScore(string score)
    {
        string json = WithRuns("""{"trial_number": 0, "status": "completed", "score": 0.5, "params": {}}""", $$$"""{"trial_number": 1, "status": "completed", "score": {{{score}}}, "params": {}}""");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson(json));

        Assert.Contains($"run_results[1].score: {score} is not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Infinity\"")]
    [InlineData("1e999")]
    public void Read_RunWithoutStatusScoredInfinity_Throws(string score)
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson(WithRuns($$$"""{"score": {{{score}}}, "params": {}}""")));

        Assert.Contains("run_results[0].score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FailedRunWithNullScore_IsFailedWithNaN()
    {
        RunResult run = Assert.Single(ExperimentResult.FromJson(WithRuns("""{"status": "failed", "score": null, "params": {}, "error": "boom"}""")).RunResults);

        Assert.Equal((RunStatus.Failed, "boom"), (run.Status, run.Error));
        Assert.True(double.IsNaN(run.Score));
    }

    [Fact]
    public void Read_NullScoreWithoutStatus_IsAFailedRun()
    {
        RunResult run = Assert.Single(ExperimentResult.FromJson(WithRuns("""{"score": null, "params": {}}""")).RunResults);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.False(run.HasUsableScore);
    }

    [Theory]
    [InlineData("failed", "\"NaN\"")]
    [InlineData("pruned", "1e309")]
    [InlineData("failed", "\"0.5\"")]
    public void Read_RunWithoutScoreSpelledOtherwise_Throws(string status, string score)
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson(WithRuns($$$"""{"status": "{{{status}}}", "score": {{{score}}}, "params": {}}""")));

        Assert.Contains("run_results[0].score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PrunedRunScoredInfinity_IsKeptAsWritten()
    {
        RunResult run = Assert.Single(ExperimentResult.FromJson(WithRuns("""{"status": "pruned", "score": "Infinity", "params": {}, "intermediate_values": [[0, "Infinity"]]}""")).RunResults);

        Assert.Equal((RunStatus.Pruned, double.PositiveInfinity), (run.Status, run.Score));
    }

    [Theory]
    [InlineData("-5", "run_results[0].trial_number: -5 is negative")]
    [InlineData("-2", "run_results[0].trial_number: -2 is negative")]
    [InlineData("\"3\"", "run_results[0].trial_number: expected a whole number, found string \"3\"")]
    [InlineData("1.5", "run_results[0].trial_number: expected a whole number, found number 1.5")]
    public void Read_InvalidTrialNumber_ThrowsNamingIt(string number, string message)
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson(WithRuns($$$"""{"trial_number": {{{number}}}, "score": 1, "params": {}}""")));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TrialNumberMinusOne_MeansUnnumbered()
    {
        RunResult run = Assert.Single(ExperimentResult.FromJson(WithRuns("""{"trial_number": -1, "score": 1, "params": {}}""")).RunResults);

        Assert.Equal(-1, run.TrialNumber);
    }

    [Theory]
    [InlineData("\"status\": 3", "run_results[0].status: expected a string, found number 3")]
    [InlineData("\"error\": 404", "run_results[0].error: expected a string, found number 404")]
    [InlineData("\"started_at\": \"yesterday\"", "run_results[0].started_at: \"yesterday\" is not a date and time")]
    [InlineData("\"started_at\": 5", "run_results[0].started_at: expected a string")]
    [InlineData("\"duration_seconds\": \"2\"", "run_results[0].duration_seconds: expected a number")]
    [InlineData("\"duration_seconds\": 1e309", "run_results[0].duration_seconds: 1e309 is not a finite number")]
    [InlineData("\"duration_seconds\": 1e300", "run_results[0].duration_seconds: 1e300 seconds is out of range")]
    [InlineData("\"is_baseline\": \"yes\"", "run_results[0].is_baseline: expected true or false")]
    [InlineData("\"metadata\": [1]", "run_results[0].metadata: expected an object, found array")]
    [InlineData("\"intermediate_values\": [[0, 1e309]]", "run_results[0].intermediate_values[0][1]: 1e309 is not a finite number")]
    [InlineData("\"intermediate_values\": [[0, \"NaN\"]]", "run_results[0].intermediate_values[0][1]: expected a number")]
    [InlineData("\"intermediate_values\": [[0, null]]", "run_results[0].intermediate_values[0][1]: null is not a value")]
    [InlineData("\"intermediate_values\": [[\"0\", 1]]", "run_results[0].intermediate_values[0][0]: expected a whole-number step")]
    public void Read_RunFieldOfWrongTypeOrValue_ThrowsNamingIt(string field, string message)
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson(WithRuns("{\"score\": 1, \"params\": {}, " + field + "}")));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"lr": 1e309}""", "run_results[0].params.lr: 1e309 is not a finite number")]
    [InlineData("""{"lr": -1e309}""", "run_results[0].params.lr: -1e309 is not a finite number")]
    [InlineData("""{"deep": {"list": [1, 2e400]}}""", "run_results[0].params.deep.list[1]: 2e400 is not a finite number")]
    public void Read_ParamNotFinite_ThrowsNamingIt(string parameters, string message)
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson(WithRuns($$$"""{"score": 1, "params": {{{parameters}}}}""")));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MetadataNotFinite_ThrowsNamingIt()
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson(WithRuns("""{"score": 1, "params": {}, "metadata": {"loss": 1e309}}""")));

        Assert.Contains("run_results[0].metadata.loss: 1e309 is not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargeFiniteParam_IsKept()
    {
        RunResult run = Assert.Single(ExperimentResult.FromJson(WithRuns("""{"score": 1, "params": {"big": 1.7976931348623157e308, "text": "Infinity"}}""")).RunResults);

        Assert.Equal(double.MaxValue, run.Params["big"]);
        Assert.Equal("Infinity", run.Params["text"]);
    }

    private static string WithRuns(params string[] runs) =>
        "{\"hp_search_space\": {}, \"run_results\": [" + string.Join(", ", runs) + "]}";
}
