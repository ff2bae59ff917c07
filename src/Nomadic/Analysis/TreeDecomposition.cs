namespace Nomadic.Analysis;

/// <summary>
/// The functional ANOVA of one tree's prediction (Hutter, Hoos and Leyton-Brown, "An efficient approach for assessing
/// hyperparameter importance", ICML 2014): its total variance over the search space and the variance of each feature's
/// marginal prediction, the prediction averaged over all other features.
/// </summary>
/// <remarks>
/// A tree is piecewise constant, so a feature's marginal is constant between consecutive split points on it (or per
/// category). Each leaf adds its value, weighted by its share of the other features' space, to the marginal over the
/// leaf's extent along the feature; a difference array makes that O(leaves + split points) per feature. The result equals
/// Optuna's <c>_FanovaTree.get_marginal_variance</c> for numeric features.
/// </remarks>
internal static class TreeDecomposition
{
    /// <summary>Returns the variance of the prediction over the uniform measure of the space.</summary>
    public static double TotalVariance(TreeLeaves leaves)
    {
        double mean = 0;
        for (int leaf = 0; leaf < leaves.Count; leaf++)
        {
            mean += leaves.Volume(leaf) * leaves.Value(leaf);
        }

        double variance = 0;
        for (int leaf = 0; leaf < leaves.Count; leaf++)
        {
            double deviation = leaves.Value(leaf) - mean;
            variance += leaves.Volume(leaf) * deviation * deviation;
        }

        return variance;
    }

    /// <summary>Returns the variance of the marginal prediction of feature <paramref name="f"/> (its main effect).</summary>
    public static double MainEffectVariance(TreeLeaves leaves, ImportanceFeature feature, int f, TreeNode[] nodes) =>
        feature.IsCategorical ? Categorical(leaves, feature, f) : Numeric(leaves, feature, f, nodes);

    private static double Numeric(TreeLeaves leaves, ImportanceFeature feature, int f, TreeNode[] nodes)
    {
        double[] bounds = [.. nodes.Where(n => n.Feature == f).Select(n => n.Threshold).Append(feature.Low).Append(feature.High).Distinct().Order()];
        if (bounds.Length <= 2)
        {
            return 0;
        }

        var marginal = new double[bounds.Length];
        for (int leaf = 0; leaf < leaves.Count; leaf++)
        {
            double low = leaves.Low(leaf, f), high = leaves.High(leaf, f);
            double weighted = leaves.Value(leaf) * leaves.Volume(leaf) / TreeLeaves.Measure(feature, low, high, null);
            marginal[Array.BinarySearch(bounds, low)] += weighted;
            marginal[Array.BinarySearch(bounds, high)] -= weighted;
        }

        double range = feature.High - feature.Low;
        var sizes = new double[bounds.Length - 1];
        double running = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            running += marginal[i];
            marginal[i] = running;
            sizes[i] = (bounds[i + 1] - bounds[i]) / range;
        }

        return WeightedVariance(marginal.AsSpan(0, sizes.Length), sizes);
    }

    private static double Categorical(TreeLeaves leaves, ImportanceFeature feature, int f)
    {
        int k = feature.Categories;
        var marginal = new double[k];
        for (int leaf = 0; leaf < leaves.Count; leaf++)
        {
            bool[] set = leaves.Categories(leaf, f);
            double weighted = leaves.Value(leaf) * leaves.Volume(leaf) / TreeLeaves.Measure(feature, 0, 0, set);
            for (int c = 0; c < k; c++)
            {
                marginal[c] += set[c] ? weighted : 0;
            }
        }

        return WeightedVariance(marginal, [.. Enumerable.Repeat(1.0 / k, k)]);
    }

    private static double WeightedVariance(ReadOnlySpan<double> values, double[] weights)
    {
        double mean = 0, total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            mean += weights[i] * values[i];
            total += weights[i];
        }

        mean /= total;
        double variance = 0;
        for (int i = 0; i < values.Length; i++)
        {
            variance += weights[i] * (values[i] - mean) * (values[i] - mean);
        }

        return variance / total;
    }
}
