using Nomadic.Reports.Data;
using Nomadic.Reports.Tests.Support;
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

    [Fact]
    public void ScoreDistribution_BoundedScores_DensityStaysWithinTheObservedScores()
    {
        double[] scores = [0, 0, 0, 0.05, 0.1, 0.12, 0.15, 0.2, 0.6, 1, 1];
        var result = new ExperimentResult(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, scores.Select(s => new RunResult(s, new Dictionary<string, object?> { ["x"] = s })));

        ScoreDistributionData data = ExperimentPlotData.ScoreDistribution(result);

        Assert.NotEmpty(data.Density);
        Assert.Equal(0, data.Density.Min(p => p.X));
        Assert.Equal(1, data.Density.Max(p => p.X));
    }

    [Fact]
    public void ParameterScores_OutlierBelowTheBox_WhiskersNeverReachIntoTheBox()
    {
        // examples/rag: chunk_size 80 scored 0.9028, 0.9112, 0.9204 and, far below, 0.7174.
        ParameterScoresData data = ExperimentPlotData.ParameterScores(RagResults.Load(), "chunk_size");

        BoxSummary box = Assert.Single(data.Categories, c => c.Label == "80").Box!.Value;

        Assert.True(box.LowerWhisker <= box.Q1, $"lower whisker {box.LowerWhisker} above Q1 {box.Q1}");
        Assert.True(box.UpperWhisker >= box.Q3, $"upper whisker {box.UpperWhisker} below Q3 {box.Q3}");
        Assert.True(box.LowerWhisker > 0.7174, "the outlier is beyond the whisker");
    }

    [Fact]
    public void ParameterHeatmap_ParametersOfDifferentBranches_IsEmpty()
    {
        ExperimentResult rag = RagResults.Load();

        ParameterHeatmapData apart = ExperimentPlotData.ParameterHeatmap(rag, "chunk_size", "sentence_window");
        ParameterHeatmapData together = ExperimentPlotData.ParameterHeatmap(rag, "chunk_size", "chunk_overlap");

        Assert.True(apart.IsEmpty);
        Assert.False(together.IsEmpty);
    }

    [Fact]
    public void ParallelCoordinates_IntegerParameter_TicksAreWholeNumbers()
    {
        ParallelCoordinatesData data = ExperimentPlotData.ParallelCoordinates(SampleResults.Mixed());

        ParallelAxis layers = Assert.Single(data.Axes, a => a.Name == "layers");

        Assert.True(layers.Ticks.Count >= 3, $"{layers.Ticks.Count} ticks");
        Assert.All(layers.Ticks, t => Assert.True(int.TryParse(t.Label, out _), $"tick '{t.Label}' is not a whole number"));
        Assert.All(layers.Ticks, t => Assert.InRange(t.Position, 0, 1));
    }

    [Fact]
    public void ParallelCoordinates_LogIntegerParameter_TicksAreWholeNumbersInOrder()
    {
        var runs = new[] { 1, 3, 10, 40, 100, 400 }.Select(n => new RunResult(n, new Dictionary<string, object?> { ["n"] = n }));
        var result = new ExperimentResult(new SearchSpace { ["n"] = Tune.LogRandInt(1, 1000) }, runs);

        ParallelAxis axis = ExperimentPlotData.ParallelCoordinates(result).Axes[1];

        Assert.All(axis.Ticks, t => Assert.True(int.TryParse(t.Label, out _), $"tick '{t.Label}' is not a whole number"));
        Assert.Equal(axis.Ticks.OrderBy(t => t.Position), axis.Ticks);
        Assert.Equal(["1", "10", "100"], axis.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void ParallelCoordinates_ConditionalParameter_RunsWithoutItSitAtTheAbsentPositionBelowTheAxis()
    {
        ExperimentResult rag = RagResults.Load();

        ParallelCoordinatesData data = ExperimentPlotData.ParallelCoordinates(rag);

        int chunkSize = data.Axes.Select(a => a.Name).ToList().IndexOf("chunk_size");
        int retriever = data.Axes.Select(a => a.Name).ToList().IndexOf("retriever");
        Assert.Equal(ParallelCoordinatesData.AbsentPosition, data.Axes[chunkSize].AbsentPosition);
        Assert.Null(data.Axes[retriever].AbsentPosition);
        Assert.True(ParallelCoordinatesData.AbsentPosition < 0);
        int[] withoutChunkSize = [.. rag.RunResults.Where(r => !r.Params.ContainsKey("chunk_size")).Select(r => r.TrialNumber)];
        Assert.NotEmpty(withoutChunkSize);
        foreach (ParallelLine line in data.Lines)
        {
            Assert.DoesNotContain(line.Positions, double.IsNaN);
            Assert.Equal(withoutChunkSize.Contains(line.RunNumber), line.Positions[chunkSize] == ParallelCoordinatesData.AbsentPosition);
        }
    }

    private static Dictionary<string, object?> P(double x, string opt) => new() { ["x"] = x, ["opt"] = opt };
}
