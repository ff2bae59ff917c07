using Nomadic.Results;
using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class ObservationHistoryTests
{
    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(0, 10), ["c"] = Tune.Choice("a", "b") };

    [Theory]
    [InlineData(Direction.Minimize, new[] { 1, 3, 0, 2 })]
    [InlineData(Direction.Maximize, new[] { 2, 0, 3, 1 })]
    public void Ranking_CompletedRuns_BestFirstForTheDirection(Direction direction, int[] expected)
    {
        ObservationHistory history = History(direction, 5.0, 1.0, 9.0, 3.0);

        Assert.Equal(expected, history.Ranking.ToArray());
    }

    [Fact]
    public void Ranking_EqualScores_KeepTheOrderObserved()
    {
        ObservationHistory history = History(Direction.Minimize, 2.0, 1.0, 2.0, 1.0);

        Assert.Equal([1, 3, 0, 2], history.Ranking.ToArray());
    }

    [Fact]
    public void Add_PrunedRuns_RankAfterEveryCompletedRunByTheirLastScore()
    {
        var history = new ObservationHistory(new TpeSpace(Space), Direction.Minimize, keepSortedNumbers: true);
        history.Add(Run(100.0));
        history.Add(Run(-5.0, RunStatus.Pruned));
        history.Add(Run(double.NaN, RunStatus.Pruned));
        history.Add(Run(-9.0, RunStatus.Pruned));
        history.Add(Run(50.0));

        Assert.Equal([4, 0, 3, 1, 2], history.Ranking.ToArray());
    }

    [Fact]
    public void Add_FailedRunsAndRunsOutsideTheSpace_AreLeftOut()
    {
        var history = new ObservationHistory(new TpeSpace(Space), Direction.Minimize, keepSortedNumbers: true);

        history.Add(RunResult.Failed(TpeFixtures.Point(("x", 1.0), ("c", "a")), "boom"));
        history.Add(TpeFixtures.Run(1.0, ("x", 1.0), ("c", "z")));
        history.Add(TpeFixtures.Run(1.0, ("x", 1.0)));
        history.Add(TpeFixtures.Run(double.NaN, ("x", 1.0), ("c", "a")));
        history.Add(TpeFixtures.Run(1.0, ("x", 1.0), ("c", "b")));

        Assert.Equal(1, history.Count);
        Assert.Equal([1.0], history.Values(1).ToArray());
    }

    [Fact]
    public void Add_WithObjectives_KeepsEachRunsVectorAndRanksRunsMissingAValueWithThePruned()
    {
        var cost = new ObjectiveMetric("cost", Direction.Maximize);
        var history = new ObservationHistory(new TpeSpace(Space), Direction.Minimize, keepSortedNumbers: true, [cost]);
        history.Add(new RunResult(3.0, TpeFixtures.Point(("x", 1.0), ("c", "a")), new Dictionary<string, object?> { ["cost"] = 2 }));
        history.Add(new RunResult(1.0, TpeFixtures.Point(("x", 2.0), ("c", "a"))));
        history.Add(Run(0.5, RunStatus.Pruned));
        history.Add(new RunResult(4.0, TpeFixtures.Point(("x", 3.0), ("c", "b")), new Dictionary<string, object?> { ["cost"] = 1.5 }));

        Assert.True(history.HasObjectives);
        Assert.Equal([3.0, -2.0], history.Vector(0)!);
        Assert.Null(history.Vector(1));
        Assert.Null(history.Vector(2));
        Assert.Equal([4.0, -1.5], history.Vector(3)!);
        Assert.Equal([0, 3, 2, 1], history.Ranking.ToArray());
    }

    [Fact]
    public void Vector_WithoutObjectives_IsNull()
    {
        ObservationHistory history = History(Direction.Minimize, 1.0);

        Assert.False(history.HasObjectives);
        Assert.Null(history.Vector(0));
    }

    [Fact]
    public void SortedValues_ManyRuns_AreTheValuesInAscendingOrderWithTheirIds()
    {
        var random = new System.Random(2);
        double[] xs = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble() * 10, 1)).ToArray();
        ObservationHistory history = History(Direction.Minimize, xs.Select(x => 0.0).ToArray(), xs);

        ReadOnlySpan<double> sorted = history.SortedValues(0);
        ReadOnlySpan<int> ids = history.SortedIds(0);

        Assert.Equal(xs.Select(x => x / 10).Order(), sorted.ToArray());
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(history.Values(0)[ids[i]], sorted[i]);
            Assert.True(i == 0 || sorted[i] > sorted[i - 1] || ids[i] > ids[i - 1], "equal values stay in the order observed");
        }
    }

    private static ObservationHistory History(Direction direction, params double[] scores) =>
        History(direction, scores, scores.Select((_, i) => (double)i).ToArray());

    private static ObservationHistory History(Direction direction, double[] scores, double[] xs)
    {
        var history = new ObservationHistory(new TpeSpace(Space), direction, keepSortedNumbers: true);
        for (int i = 0; i < scores.Length; i++)
        {
            history.Add(TpeFixtures.Run(scores[i], ("x", xs[i]), ("c", "a")));
        }

        return history;
    }

    private static RunResult Run(double score, RunStatus status = RunStatus.Completed) =>
        new(score, TpeFixtures.Point(("x", 1.0), ("c", "a"))) { Status = status };
}
