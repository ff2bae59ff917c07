using Nomadic.Results;
using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class ObservationSplitTests
{
    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(0, 100) };

    [Fact]
    public void Partition_TwentyRuns_PutsTheTwoBestBelowInTheOrderObserved()
    {
        ObservationSplit split = Partition(new TpeOptions(), Scores(20, i => 20 - i));

        Assert.Equal([18, 19], split.Below.ToArray());
        Assert.Equal(18, split.GroupSize(below: false));
    }

    [Fact]
    public void Partition_RunningConfigurations_JoinTheAboveGroupWithoutMovingTheBoundary()
    {
        ObservationSplit split = Partition(new TpeOptions(), Scores(20, i => i), TpeFixtures.Values("x", 3.0, 4.0));

        Assert.Equal(22, split.Total);
        Assert.Equal([0, 1], split.Below.ToArray());
        Assert.Equal(20, split.GroupSize(below: false));
        Assert.False(split.IsBelow[20] || split.IsBelow[21]);
        Assert.Equal(4.0 / 100, split.Value(0, 21), 12);
    }

    [Fact]
    public void CopyGroup_Above_HoldsFinishedThenRunningInTheOrderObserved()
    {
        ObservationSplit split = Partition(new TpeOptions { Gamma = _ => 1 }, Scores(3, i => i), TpeFixtures.Values("x", 50.0));
        double[] values = new double[3];

        split.CopyGroup(0, below: false, values);

        TpeFixtures.AssertClose([0.02, 0.03, 0.5], values, 1e-12);
    }

    [Fact]
    public void Weights_AboveGroupOf100_RampFromTheOldestAsOptunasDefaultWeights()
    {
        ObservationSplit split = Partition(new TpeOptions(), Scores(110, i => 110 - i));

        Assert.Equal(11, split.BelowCount);
        Assert.Equal(TpeOptions.DefaultWeights(0, 99), split.Weights[0]);
        Assert.Equal(1.0, split.Weights[98]);
        Assert.All(split.Below.ToArray(), id => Assert.Equal(1.0, split.Weights[id]));
    }

    [Fact]
    public void Partition_NegativeGamma_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Partition(new TpeOptions { Gamma = _ => -1 }, Scores(5, i => i)));

        Assert.Contains("TpeOptions.Gamma returned -1 for 5 runs", error.Message);
    }

    [Fact]
    public void Partition_NegativeWeight_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Partition(new TpeOptions { Weights = (_, _) => -1 }, Scores(5, i => i)));

        Assert.Contains("TpeOptions.Weights returned -1", error.Message);
    }

    private static double[] Scores(int count, Func<int, double> score) => Enumerable.Range(0, count).Select(score).ToArray();

    // Runs with x = i + 1 and the given scores.
    private static ObservationSplit Partition(TpeOptions options, double[] scores, params Dictionary<string, object?>[] running)
    {
        var space = new TpeSpace(Space);
        var history = new ObservationHistory(space, Direction.Minimize, keepSortedNumbers: true);
        for (int i = 0; i < scores.Length; i++)
        {
            history.Add(TpeFixtures.Run(scores[i], ("x", i + 1.0)));
        }

        var split = new ObservationSplit(space, options);
        split.Update(history, running);
        split.Partition();
        return split;
    }
}
