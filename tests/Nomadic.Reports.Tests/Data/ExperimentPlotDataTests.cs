using Nomadic.Reports.Data;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Reports.Tests.Data;

public class ExperimentPlotDataTests
{
    private static ExperimentResult Minimizing() => new(
        new SearchSpace { ["x"] = Tune.LogUniform(0.001, 1), ["opt"] = Tune.Choice("a", "b") },
        [
            new RunResult(3, P(0.01, "a")),
            RunResult.Failed(P(0.1, "b"), "boom"),
            new RunResult(1, P(0.1, "b")),
            RunResult.Pruned(P(0.5, "a"), [new IntermediateValue(0, 0.5)]),
            new RunResult(2, P(0.2, "b")),
        ])
    { Direction = Direction.Minimize };

    [Fact]
    public void History_Minimize_TracksTheLowestCompletedScoreAndSkipsFailedRuns()
    {
        HistoryData history = ExperimentPlotData.History(Minimizing());

        Assert.Equal([0, 2, 3, 4], history.Points.Select(p => p.RunNumber));
        Assert.Equal([3.0, 1.0, 1.0, 1.0], history.Points.Select(p => p.BestSoFar));
        Assert.Equal(RunStatus.Pruned, history.Points[2].Status);
    }

    [Fact]
    public void ParameterScores_Categorical_GroupsScoresByCategoryInDomainOrder()
    {
        ParameterScoresData data = ExperimentPlotData.ParameterScores(Minimizing(), "opt");

        Assert.Equal(ParameterScale.Categorical, data.Axis.Scale);
        Assert.Equal(["a", "b"], data.Categories.Select(c => c.Label));
        Assert.Equal([3.0], data.Categories[0].Scores);
        Assert.Equal(1.5, data.Categories[1].Box!.Value.Median);
    }

    [Fact]
    public void ParameterScores_LogDomain_IsLogScale()
    {
        Assert.Equal(ParameterScale.Log, ExperimentPlotData.ParameterScores(Minimizing(), "x").Axis.Scale);
    }

    [Fact]
    public void Correlations_PerfectlyOrderedRuns_GiveOne()
    {
        var runs = Enumerable.Range(1, 5).Select(i => new RunResult(i * 2.0, new Dictionary<string, object?> { ["y"] = (double)i }));
        var result = new ExperimentResult(new SearchSpace { ["y"] = Tune.Uniform(0, 10) }, runs);

        CorrelationData data = ExperimentPlotData.Correlations(result);

        Assert.Equal(["y", "score"], data.Names);
        Assert.Equal(1.0, data.Coefficients[0, 1], 12);
    }

    [Fact]
    public void ScoreDistribution_BinsHoldEveryCompletedScore()
    {
        ScoreDistributionData data = ExperimentPlotData.ScoreDistribution(Minimizing());

        Assert.Equal(3, data.Count);
        Assert.Equal(3, data.Bins.Sum(b => b.Count));
        Assert.NotEmpty(data.Density);
    }

    [Fact]
    public void Importance_SortsMostImportantFirstAndDropsNaN()
    {
        IReadOnlyList<ImportanceBar> bars = ExperimentPlotData.Importance(new Dictionary<string, double> { ["a"] = 0.2, ["b"] = 0.7, ["c"] = double.NaN });

        Assert.Equal(["b", "a"], bars.Select(b => b.Parameter));
    }

    private static Dictionary<string, object?> P(double x, string opt) => new() { ["x"] = x, ["opt"] = opt };
}
