namespace Nomadic.Analysis;

/// <summary>Fits the trees of the forest in parallel, each on its own seeded bootstrap sample, and decomposes each one.</summary>
internal static class RandomForest
{
    /// <summary>
    /// Returns, per tree, the main-effect variance fraction of every feature; an empty array for a tree whose
    /// prediction does not vary (Optuna leaves such trees out of the average too).
    /// </summary>
    public static double[][] MainEffectFractions(ForestData data, ImportanceOptions options)
    {
        // Seeds are drawn up front so the result does not depend on which thread fits which tree.
        var master = new System.Random(options.Seed);
        int[] seeds = [.. Enumerable.Range(0, options.Trees).Select(_ => master.Next())];
        var fractions = new double[options.Trees][];
        Parallel.For(0, options.Trees, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, t =>
        {
            TreeNode[] nodes = TreeBuilder.Grow(data, options, Bootstrap(data.RowCount, seeds[t]));
            var leaves = TreeLeaves.Of(nodes, data.Features);
            double total = TreeDecomposition.TotalVariance(leaves);
            fractions[t] = total > 0
                ? [.. data.Features.Select((feature, f) => TreeDecomposition.MainEffectVariance(leaves, feature, f, nodes) / total)]
                : [];
        });
        return fractions;
    }

    private static int[] Bootstrap(int rows, int seed)
    {
        var random = new System.Random(seed);
        var counts = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            counts[random.Next(rows)]++;
        }

        return counts;
    }
}
