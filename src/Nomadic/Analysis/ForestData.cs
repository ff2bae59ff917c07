namespace Nomadic.Analysis;

/// <summary>The runs a forest is fitted to: features by column, scores, and each numeric column's sort order, computed once for all trees.</summary>
internal sealed class ForestData
{
    public ForestData(IReadOnlyList<ImportanceFeature> features, double[][] columns, double[] scores)
    {
        Features = features;
        Columns = columns;
        Scores = scores;
        Orders = new int[columns.Length][];
        for (int f = 0; f < columns.Length; f++)
        {
            int[] order = [.. Enumerable.Range(0, scores.Length)];
            Array.Sort((double[])columns[f].Clone(), order);
            Orders[f] = order;
        }
    }

    public IReadOnlyList<ImportanceFeature> Features { get; }

    /// <summary>Gets the encoded values, one array per feature, one entry per run.</summary>
    public double[][] Columns { get; }

    public double[] Scores { get; }

    /// <summary>Gets, per feature, the runs sorted by its value (ties in an arbitrary but fixed order).</summary>
    public int[][] Orders { get; }

    public int RowCount => Scores.Length;
}
