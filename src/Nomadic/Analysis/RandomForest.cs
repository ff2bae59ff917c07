namespace Nomadic.Analysis;

/// <summary>Fits the trees of the forest in parallel, each on its own seeded bootstrap sample, and decomposes each one.</summary>
internal static class RandomForest
{
    /// <summary>Fits the forest and returns each tree's main-effect fractions and total variance.</summary>
    public static ForestDecomposition Decompose(ForestData data, ImportanceOptions options)
    {
        // Seeds are drawn up front so the result does not depend on which thread fits which tree.
        var master = new System.Random(options.Seed);
        int[] seeds = [.. Enumerable.Range(0, options.Trees).Select(_ => master.Next())];
        var fractions = new double[options.Trees][];
        var totals = new double[options.Trees];
        Parallel.For(0, options.Trees, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, t =>
        {
            TreeNode[] nodes = TreeBuilder.Grow(data, options, Bootstrap(data.RowCount, seeds[t]));
            var leaves = TreeLeaves.Of(nodes, data.Features);
            double total = TreeDecomposition.TotalVariance(leaves);
            totals[t] = total;
            fractions[t] = total > 0
                ? [.. data.Features.Select((feature, f) => TreeDecomposition.MainEffectVariance(leaves, feature, f, nodes) / total)]
                : [];
        });
        return new ForestDecomposition(fractions, totals);
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
