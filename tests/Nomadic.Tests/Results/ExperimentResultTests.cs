using Nomadic.Results;
using Nomadic.Tuning;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Results;

public class ExperimentResultTests
{
    [Fact]
    public void BestRunResult_SeedExample_IsTheSecondRunScoring090()
    {
        ExperimentResult result = FourRuns();

        Assert.Equal(0.90, result.BestRunResult.Score);
        Assert.Equal(1, result.BestIndex);
        Assert.Same(result.RunResults[1], result.BestRunResult);
        Assert.Equal(0.02, result.BestRunResult.Params["learning_rate"]);
    }

    [Fact]
    public void RunResults_GivenOrder_IsKeptNotSortedByScore()
    {
        ExperimentResult result = FourRuns();

        Assert.Equal([0.85, 0.90, 0.83, 0.89], result.RunResults.Select(r => r.Score));
    }

    [Fact]
    public void Constructor_SourceListChangedAfterwards_RunsUnchanged()
    {
        var runs = new List<RunResult> { Run(1, ("x", 0.1)) };
        var result = new ExperimentResult(Space(), runs);

        runs.Add(Run(2, ("x", 0.2)));

        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Count_SeedExample_IsFour()
    {
        Assert.Equal(4, FourRuns().Count);
    }

    [Fact]
    public void NameAndClientId_Given_AreKept()
    {
        var result = new ExperimentResult(Space(), [], name: "rag-tuning", clientId: "ws-123");

        Assert.Equal("rag-tuning", result.Name);
        Assert.Equal("ws-123", result.ClientId);
        Assert.Equal(["learning_rate", "batch_size"], result.HpSearchSpace.Names);
    }

    [Fact]
    public void NameAndClientId_Omitted_AreNull()
    {
        ExperimentResult result = FourRuns();

        Assert.Null(result.Name);
        Assert.Null(result.ClientId);
    }

    [Fact]
    public void ClientId_SetAfterSync_IsKept()
    {
        ExperimentResult result = FourRuns();

        result.ClientId = "synced-1";

        Assert.Equal("synced-1", result.ClientId);
    }

    [Fact]
    public void Defaults_DirectionMaximizeAndEmptyMetadata()
    {
        ExperimentResult result = FourRuns();

        Assert.Equal(Direction.Maximize, result.Direction);
        Assert.NotNull(result.Metadata);
        Assert.Empty(result.Metadata);
    }

    [Fact]
    public void BestIndex_Minimize_PicksLowestScore()
    {
        ExperimentResult result = Result(Direction.Minimize, 0.85, 0.90, 0.83, 0.89);

        Assert.Equal(2, result.BestIndex);
        Assert.Equal(0.83, result.BestRunResult.Score);
    }

    [Fact]
    public void BestIndex_FailedRunWithHighScore_IsNeverBest()
    {
        var result = new ExperimentResult(Space(),
        [
            Run(0.5),
            new RunResult(0.99, Params()) { Status = RunStatus.Failed, Error = "boom" },
            new RunResult(0.98, Params()) { Status = RunStatus.Pruned },
            RunResult.Failed(Params(), "boom"),
        ]);

        Assert.Equal(0, result.BestIndex);
    }

    [Theory]
    [InlineData(Direction.Maximize)]
    [InlineData(Direction.Minimize)]
    public void BestIndex_NaNAndInfiniteScores_AreNeverBest(Direction direction)
    {
        ExperimentResult result = Result(direction, double.NaN, double.PositiveInfinity, 0.5, double.NegativeInfinity, double.NaN);

        Assert.Equal(2, result.BestIndex);
    }

    [Theory]
    [InlineData(Direction.Maximize)]
    [InlineData(Direction.Minimize)]
    public void BestIndex_TiedScores_GoesToTheEarliest(Direction direction)
    {
        ExperimentResult result = Result(direction, 0.5, 0.7, 0.7, 0.3, 0.3, 0.5);

        Assert.Equal(direction == Direction.Maximize ? 1 : 3, result.BestIndex);
    }

    [Fact]
    public void BestRunResult_NoUsableRun_ThrowsClearInvalidOperation()
    {
        var result = new ExperimentResult(Space(), [RunResult.Failed(Params(), "boom"), Run(double.NaN)], name: "sweep");

        Assert.Equal(-1, result.BestIndex);
        var error = Assert.Throws<InvalidOperationException>(() => result.BestRunResult);
        Assert.Equal("Experiment 'sweep' has no completed run with a finite score (2 runs).", error.Message);
    }

    [Fact]
    public void BestRunResult_NoRuns_ThrowsNamingUnnamedExperiment()
    {
        var result = new ExperimentResult(Space(), []);

        Assert.Equal(-1, result.BestIndex);
        var error = Assert.Throws<InvalidOperationException>(() => result.BestRunResult);
        Assert.Contains("'unnamed'", error.Message, StringComparison.Ordinal);
        Assert.Contains("(0 runs)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BaselineIndex_OneBaselineRun_IsItsPosition()
    {
        var result = new ExperimentResult(Space(), [Run(1), Run(2).WithTrialInfo(1, null, null, isBaseline: true), Run(3)]);

        Assert.Equal(1, result.BaselineIndex);
        Assert.Equal(-1, FourRuns().BaselineIndex);
    }

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new ExperimentResult(null!, []));
        Assert.Throws<ArgumentNullException>(() => new ExperimentResult(Space(), null!));
        Assert.Throws<ArgumentNullException>(() => new ExperimentResult(Space(), [Run(1), null!]));
    }

    [Fact]
    public void ToString_SeedExample_ShowsCountAndBest()
    {
        Assert.Equal("ExperimentResult(name=demo, runs=4, best_idx=1, best_score=0.9)", FourRuns("demo").ToString());
        Assert.Equal("ExperimentResult(name=null, runs=0, best_idx=-1, best_score=none)", new ExperimentResult(new SearchSpace(), []).ToString());
    }
}
