using Nomadic.Results;
using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

/// <summary>
/// The multi-objective split, checked against Optuna 3.1's <c>_split_observation_pairs</c> and
/// <c>_calculate_weights_below_for_multi_objective</c> on points rounded to 2 decimals from NumPy's RandomState(3).
/// </summary>
public class ParetoSelectionTests
{
    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(0, 100) };
    private static readonly ObjectiveMetric F2 = new("f2", Direction.Minimize);
    private static readonly ObjectiveMetric F3 = new("f3", Direction.Minimize);

    private static readonly double[][] TwoObjectives =
    [
        [5.51, 7.08], [2.91, 5.11], [8.93, 8.96], [1.26, 2.07], [0.51, 4.41], [0.3, 4.57], [6.49, 2.78], [6.76, 5.91], [0.24, 5.59], [2.59, 4.15],
        [2.84, 6.93], [4.4, 1.57], [5.45, 7.8], [3.06, 2.22], [3.88, 9.36], [9.76, 6.72], [9.03, 8.46], [3.78, 0.92], [6.53, 5.58], [3.62, 2.25],
    ];

    private static readonly double[][] ThreeObjectives =
    [
        [4.07, 4.69, 2.69], [2.92, 4.58, 8.61], [5.86, 2.83, 2.78], [4.55, 2.05, 2.01], [5.14, 0.87, 4.84], [3.62, 7.08, 7.47], [6.91, 6.89, 3.74],
        [6.68, 3.4, 5.73], [3.26, 4.45, 0.62], [2.43, 9.72, 2.31], [6.91, 6.5, 7.24], [4.75, 5.97, 0.67], [0.73, 1.99, 1.52], [1.0, 1.29, 5.53],
        [1.88, 9.52, 6.82], [5.41, 7.07, 2.64], [9.27, 8.39, 7.26], [4.8, 8.42, 7.45], [6.6, 9.14, 6.34], [3.66, 5.53, 1.96], [1.92, 7.26, 7.85],
        [9.72, 8.51, 5.44], [0.9, 4.89, 9.28], [7.88, 4.85, 4.55],
    ];

    [Fact]
    public void Partition_TwoObjectives_TakesTheFirstFrontAndCutsTheSecondAsOptunaDoes()
    {
        // Front 0 is {3, 4, 5, 8, 17}; one more comes from front 1 {9, 11, 13}.
        ObservationSplit split = Partition(TwoObjectives, below: 6);

        Assert.Equal([3, 4, 5, 8, 13, 17], split.Below.ToArray());
        AssertWeights(split, (3, 1.0), (4, 0.027777777778003037), (5, 0.04958333333355328), (8, 0.007763888889118235), (17, 0.10062500000020837), (13, 2.314814814814277e-13));
    }

    [Fact]
    public void Partition_ThreeObjectives_CutsTheSecondFrontByHypervolumeAsOptunaDoes()
    {
        // Front 0 is {4, 8, 12, 13}; greedy selection takes 19, 3 and 22 from the ten of front 1.
        ObservationSplit split = Partition(ThreeObjectives, below: 7);

        Assert.Equal([3, 4, 8, 12, 13, 19, 22], split.Below.ToArray());
        AssertWeights(split, (4, 0.023123530160343537), (8, 0.05782028276585176), (12, 1.0), (13, 0.22278501176064325), (19, 1.6900463163132678e-14), (3, 1.5966332642827263e-14), (22, 1.6433397902979972e-14));
    }

    [Fact]
    public void Partition_MaximizedObjectives_SplitAsTheirNegationsMinimized()
    {
        ObservationSplit minimized = Partition(TwoObjectives, below: 6);
        ObservationSplit maximized = Partition([.. TwoObjectives.Select(p => p.Select(v => -v).ToArray())], below: 6, Direction.Maximize);

        Assert.Equal(minimized.Below.ToArray(), maximized.Below.ToArray());
        Assert.Equal(minimized.Weights.ToArray(), maximized.Weights.ToArray());
    }

    [Fact]
    public void Partition_AboveGroup_WeighsByAgeAsInSingleObjectiveTpe()
    {
        ObservationSplit split = Partition(TwoObjectives, below: 6);

        Assert.All(Enumerable.Range(0, 20).Where(id => !split.IsBelow[id]), id => Assert.Equal(1.0, split.Weights[id]));
        Assert.Equal(14, split.GroupSize(below: false));
    }

    [Fact]
    public void Partition_PrunedRunsRunsMissingAValueAndRunningOnes_FillTheGroupLastAndWeighNextToNothing()
    {
        var history = new ObservationHistory(new TpeSpace(Space), Direction.Minimize, keepSortedNumbers: true, [F2]);
        history.Add(Run(0, 9.0, pruned: true));
        history.Add(Run(1, 2.0, f2: 1.0));
        history.Add(Run(2, 1.0, f2: null));
        history.Add(Run(3, 1.0, f2: 2.0));
        history.Add(Run(4, 3.0, f2: 3.0));
        var split = new ObservationSplit(new TpeSpace(Space), new TpeOptions { Gamma = _ => 5 });
        split.Update(history, [TpeFixtures.Point(("x", 50.0))]);
        split.Partition();

        // Front {1, 3}, then front {4}, then the run without f2 (score 1) before the pruned run (score 9).
        Assert.Equal([0, 1, 2, 3, 4], split.Below.ToArray());
        Assert.False(split.IsBelow[5]);
        Assert.Equal(1e-12, split.Weights[0]);
        Assert.Equal(1e-12, split.Weights[2]);
        Assert.True(split.Weights[1] > 0.1 && split.Weights[3] > 0.1, string.Join(", ", split.Weights.ToArray()));
        Assert.True(split.Weights[4] < 1e-9, $"{split.Weights[4]}");

        var all = new ObservationSplit(new TpeSpace(Space), new TpeOptions { Gamma = _ => 6 });
        all.Update(history, [TpeFixtures.Point(("x", 50.0))]);
        all.Partition();
        Assert.True(all.IsBelow[5]);
        Assert.Equal(1e-12, all.Weights[5]);
    }

    [Fact]
    public void ReferencePoint_WorstValues_MovesEachTenPercentAwayAndZeroToATinyPositive()
    {
        double[] reference = ParetoSelection.ReferencePoint([[1, -2, 0], [3, -4, 0]]);

        TpeFixtures.AssertClose([3.3, -1.8, 1e-12], reference, 1e-15);
    }

    private static void AssertWeights(ObservationSplit split, params (int Id, double Weight)[] expected)
    {
        foreach ((int id, double weight) in expected)
        {
            Assert.True(Math.Abs(split.Weights[id] - weight) <= 1e-9 * Math.Max(1, weight) + 1e-15, $"run {id}: expected {weight}, got {split.Weights[id]}");
        }
    }

    // Runs with x = i + 1, the first value as the score and the others as f2 (and f3).
    private static ObservationSplit Partition(double[][] points, int below, Direction direction = Direction.Minimize)
    {
        ObjectiveMetric[] objectives = points[0].Length == 2 ? [F2 with { Direction = direction }] : [F2 with { Direction = direction }, F3 with { Direction = direction }];
        var space = new TpeSpace(Space);
        var history = new ObservationHistory(space, direction, keepSortedNumbers: true, objectives);
        for (int i = 0; i < points.Length; i++)
        {
            var metadata = new Dictionary<string, object?>();
            for (int m = 1; m < points[i].Length; m++)
            {
                metadata[objectives[m - 1].Name] = points[i][m];
            }

            history.Add(new RunResult(points[i][0], TpeFixtures.Point(("x", i + 1.0)), metadata));
        }

        var split = new ObservationSplit(space, new TpeOptions { Gamma = _ => below });
        split.Update(history, []);
        split.Partition();
        return split;
    }

    private static RunResult Run(int i, double score, double? f2 = null, bool pruned = false)
    {
        Dictionary<string, object?> point = TpeFixtures.Point(("x", i + 1.0));
        var metadata = f2 is double value ? new Dictionary<string, object?> { ["f2"] = value } : [];
        return new RunResult(score, point, metadata) { Status = pruned ? RunStatus.Pruned : RunStatus.Completed };
    }
}
