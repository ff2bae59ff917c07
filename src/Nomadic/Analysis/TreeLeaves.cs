namespace Nomadic.Analysis;

/// <summary>
/// The leaves of a tree as boxes of the search space: each leaf's prediction, its share of the space (uniform measure on
/// each feature's encoded range, categories equally likely) and its extent along every feature.
/// </summary>
internal sealed class TreeLeaves
{
    private readonly List<double> _values = [];
    private readonly List<double> _volumes = [];
    private readonly List<double> _lows = [];
    private readonly List<double> _highs = [];
    private readonly List<bool[]?> _categories = [];

    private TreeLeaves(int features) => FeatureCount = features;

    public int FeatureCount { get; }

    public int Count => _values.Count;

    public double Value(int leaf) => _values[leaf];

    public double Volume(int leaf) => _volumes[leaf];

    public double Low(int leaf, int feature) => _lows[(leaf * FeatureCount) + feature];

    public double High(int leaf, int feature) => _highs[(leaf * FeatureCount) + feature];

    /// <summary>Gets the categories of a categorical feature the leaf covers.</summary>
    public bool[] Categories(int leaf, int feature) => _categories[(leaf * FeatureCount) + feature]!;

    public static TreeLeaves Of(TreeNode[] nodes, IReadOnlyList<ImportanceFeature> features)
    {
        var leaves = new TreeLeaves(features.Count);
        var lows = new double[features.Count];
        var highs = new double[features.Count];
        var sets = new bool[]?[features.Count];
        for (int f = 0; f < features.Count; f++)
        {
            (lows[f], highs[f]) = (features[f].Low, features[f].High);
            sets[f] = features[f].IsCategorical ? Enumerable.Repeat(true, features[f].Categories).ToArray() : null;
        }

        leaves.Walk(nodes, 0, features, lows, highs, sets);
        return leaves;
    }

    private void Walk(TreeNode[] nodes, int index, IReadOnlyList<ImportanceFeature> features, double[] lows, double[] highs, bool[]?[] sets)
    {
        TreeNode node = nodes[index];
        if (node.IsLeaf)
        {
            AddLeaf(node.Value, features, lows, highs, sets);
            return;
        }

        int f = node.Feature;
        if (node.LeftCategories is { } left)
        {
            bool[] parent = sets[f]!;
            sets[f] = [.. parent.Select((inSet, c) => inSet && left[c])];
            Walk(nodes, node.Left, features, lows, highs, sets);
            sets[f] = [.. parent.Select((inSet, c) => inSet && !left[c])];
            Walk(nodes, node.Right, features, lows, highs, sets);
            sets[f] = parent;
            return;
        }

        double high = highs[f];
        highs[f] = node.Threshold;
        Walk(nodes, node.Left, features, lows, highs, sets);
        highs[f] = high;
        double low = lows[f];
        lows[f] = node.Threshold;
        Walk(nodes, node.Right, features, lows, highs, sets);
        lows[f] = low;
    }

    private void AddLeaf(double value, IReadOnlyList<ImportanceFeature> features, double[] lows, double[] highs, bool[]?[] sets)
    {
        double volume = 1;
        for (int f = 0; f < features.Count; f++)
        {
            volume *= Measure(features[f], lows[f], highs[f], sets[f]);
            _lows.Add(lows[f]);
            _highs.Add(highs[f]);
            _categories.Add(sets[f]);
        }

        _values.Add(value);
        _volumes.Add(volume);
    }

    /// <summary>Returns the share of a feature's range a box covers.</summary>
    public static double Measure(ImportanceFeature feature, double low, double high, bool[]? set) =>
        set is null ? (high - low) / (feature.High - feature.Low) : set.Count(c => c) / (double)feature.Categories;
}
