namespace Nomadic.Analysis;

/// <summary>Finds the split of a node that most reduces the weighted squared error, over every feature.</summary>
internal static class SplitFinder
{
    /// <summary>Finds the best split of the node's runs, or null when no feature varies within it.</summary>
    public static Split? Best(ForestData data, int[][] orders, int[] weights, Node node, int minLeaf)
    {
        Split? best = null;
        double bestProxy = double.NegativeInfinity;
        for (int f = 0; f < orders.Length; f++)
        {
            Split? candidate = data.Features[f].IsCategorical
                ? Categorical(data, f, orders[f], weights, node, minLeaf, out double proxy)
                : Numeric(data, f, orders[f], weights, node, minLeaf, out proxy);
            if (candidate is not null && proxy > bestProxy)
            {
                best = candidate;
                bestProxy = proxy;
            }
        }

        return best;
    }

    // The proxy S_L²/W_L + S_R²/W_R grows as the children's weighted squared error shrinks (scikit-learn's proxy_impurity_improvement).
    private static double Proxy(double sumLeft, double weightLeft, Node node) =>
        (sumLeft * sumLeft / weightLeft) + ((node.Sum - sumLeft) * (node.Sum - sumLeft) / (node.Weight - weightLeft));

    private static Split? Numeric(ForestData data, int f, int[] order, int[] weights, Node node, int minLeaf, out double bestProxy)
    {
        double[] x = data.Columns[f];
        double[] y = data.Scores;
        bestProxy = double.NegativeInfinity;
        double threshold = double.NaN;
        double weightLeft = 0, sumLeft = 0;
        int count = node.End - node.Start;
        for (int i = node.Start, left = 1; i < node.End - 1; i++, left++)
        {
            int row = order[i];
            weightLeft += weights[row];
            sumLeft += weights[row] * y[row];
            double here = x[row];
            double next = x[order[i + 1]];
            if (next <= here || left < minLeaf || count - left < minLeaf)
            {
                continue;
            }

            double proxy = Proxy(sumLeft, weightLeft, node);
            if (proxy > bestProxy)
            {
                bestProxy = proxy;
                threshold = here + ((next - here) / 2);
                threshold = threshold >= next ? here : threshold;
            }
        }

        return double.IsNaN(threshold) ? null : new Split(f, threshold, null);
    }

    private static Split? Categorical(ForestData data, int f, int[] order, int[] weights, Node node, int minLeaf, out double bestProxy)
    {
        int k = data.Features[f].Categories;
        var weight = new double[k];
        var sum = new double[k];
        var count = new int[k];
        double[] x = data.Columns[f];
        for (int i = node.Start; i < node.End; i++)
        {
            int row = order[i];
            int c = (int)x[row];
            weight[c] += weights[row];
            sum[c] += weights[row] * data.Scores[row];
            count[c]++;
        }

        int[] present = [.. Enumerable.Range(0, k).Where(c => count[c] > 0).OrderBy(c => sum[c] / weight[c]).ThenBy(c => c)];
        bestProxy = double.NegativeInfinity;
        int bestPrefix = 0;
        double weightLeft = 0, sumLeft = 0, bestWeightLeft = 0;
        int countLeft = 0, total = node.End - node.Start;
        for (int p = 0; p < present.Length - 1; p++)
        {
            weightLeft += weight[present[p]];
            sumLeft += sum[present[p]];
            countLeft += count[present[p]];
            double proxy = Proxy(sumLeft, weightLeft, node);
            if (countLeft >= minLeaf && total - countLeft >= minLeaf && proxy > bestProxy)
            {
                (bestProxy, bestPrefix, bestWeightLeft) = (proxy, p + 1, weightLeft);
            }
        }

        if (bestPrefix == 0)
        {
            return null;
        }

        var left = new bool[k];
        bool absentLeft = bestWeightLeft >= node.Weight - bestWeightLeft;
        for (int c = 0; c < k; c++)
        {
            left[c] = count[c] == 0 && absentLeft;
        }

        foreach (int c in present.AsSpan(0, bestPrefix))
        {
            left[c] = true;
        }

        return new Split(f, double.NaN, left);
    }

    /// <summary>A node's runs (a range of the sorted arrays) and their total weight and weighted score sum.</summary>
    internal readonly record struct Node(int Start, int End, double Weight, double Sum);

    /// <summary>A split: numeric on <see cref="Threshold"/>, or categorical on <see cref="LeftCategories"/>.</summary>
    internal readonly record struct Split(int Feature, double Threshold, bool[]? LeftCategories);
}
