using Nomadic.Analysis;
using Nomadic.Tuning;

namespace Nomadic.Tests.Analysis;

public class TreeDecompositionTests
{
    // optimizer ∈ {a, b, c}, x ∈ [0, 1]: a predicts 0; b and c predict 2 below x = 0.5 and 4 above.
    private static readonly ImportanceFeature[] Features =
    [
        ImportanceFeature.Create("optimizer", Tune.Choice("a", "b", "c"), logScale: true)!,
        ImportanceFeature.Create("x", Tune.Uniform(0, 1), logScale: true)!,
    ];

    private static readonly TreeNode[] Nodes =
    [
        new(0, double.NaN, [true, false, false], 1, 2, 0),
        new(-1, double.NaN, null, -1, -1, 0),
        new(1, 0.5, null, 3, 4, 0),
        new(-1, double.NaN, null, -1, -1, 2),
        new(-1, double.NaN, null, -1, -1, 4),
    ];

    [Fact]
    public void TotalVariance_CategoriesEquallyLikely_VarianceOverRealCategories()
    {
        // Mean 2: a deviates by 2 on a third of the space, b and c by 0 or 2 on halves of two thirds: 4/3 + 4/3.
        Assert.Equal(8.0 / 3, TreeDecomposition.TotalVariance(TreeLeaves.Of(Nodes, Features)), 12);
    }

    [Fact]
    public void MainEffectVariance_CategoricalSplit_VarianceOfMarginalOverItsCategories()
    {
        // Marginal over x: a 0, b 3, c 3, each a third: variance 2 (one-hot halves would give 2.25 for a split on a alone).
        Assert.Equal(2.0, TreeDecomposition.MainEffectVariance(TreeLeaves.Of(Nodes, Features), Features[0], 0, Nodes), 12);
    }

    [Fact]
    public void MainEffectVariance_NumericUnderCategoricalSplit_WeighedByCategoriesReachingIt()
    {
        // Marginal over the optimizer: 4/3 below 0.5, 8/3 above: variance (2/3)² = 4/9; the remaining 2/9 is interaction.
        Assert.Equal(4.0 / 9, TreeDecomposition.MainEffectVariance(TreeLeaves.Of(Nodes, Features), Features[1], 1, Nodes), 12);
    }
}
