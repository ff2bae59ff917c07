namespace Nomadic.Analysis;

/// <summary>
/// Grows one regression tree (squared error, all features considered at every node, as scikit-learn's
/// <c>RandomForestRegressor</c>) on a bootstrap sample given as integer weights.
/// </summary>
/// <remarks>
/// Every feature's runs are kept sorted once for the whole tree and partitioned stably at each split, so a level of the
/// tree costs O(features × runs). Categorical features split on the best subset of categories, found exactly for squared
/// error by ordering the node's categories by mean score (Breiman et al. 1984, §9.4); categories absent from the node
/// go with the heavier child.
/// </remarks>
internal sealed class TreeBuilder
{
    private readonly ForestData _data;
    private readonly ImportanceOptions _options;
    private readonly int[] _weights;
    private readonly int[][] _orders;
    private readonly bool[] _goesLeft;
    private readonly int[] _buffer;
    private readonly List<TreeNode> _nodes = [];
    private double _minImpurity;

    private TreeBuilder(ForestData data, ImportanceOptions options, int[] weights)
    {
        _data = data;
        _options = options;
        _weights = weights;
        _orders = new int[data.Features.Count][];
        for (int f = 0; f < _orders.Length; f++)
        {
            _orders[f] = [.. data.Orders[f].Where(row => weights[row] > 0)];
        }

        _goesLeft = new bool[data.RowCount];
        _buffer = new int[_orders.Length > 0 ? _orders[0].Length : 0];
    }

    /// <summary>Grows a tree on the rows with positive weight (bootstrap counts).</summary>
    public static TreeNode[] Grow(ForestData data, ImportanceOptions options, int[] weights)
    {
        var builder = new TreeBuilder(data, options, weights);
        builder.Build();
        return [.. builder._nodes];
    }

    private void Build()
    {
        int count = _orders[0].Length;
        var stack = new Stack<(int Node, int Start, int End, int Depth)>();
        _nodes.Add(default);
        stack.Push((0, 0, count, 0));
        while (stack.Count > 0)
        {
            (int node, int start, int end, int depth) = stack.Pop();
            (double weight, double sum, double impurity) = Statistics(start, end);
            if (node == 0)
            {
                _minImpurity = impurity * 1e-12;
            }

            double value = sum / weight;
            SplitFinder.Split? split = depth >= _options.MaxDepth || end - start < _options.MinSamplesSplit || end - start < 2 * _options.MinSamplesLeaf || impurity <= _minImpurity
                ? null
                : SplitFinder.Best(_data, _orders, _weights, new SplitFinder.Node(start, end, weight, sum), _options.MinSamplesLeaf);
            if (split is not { } s)
            {
                _nodes[node] = new TreeNode(-1, double.NaN, null, -1, -1, value);
                continue;
            }

            int middle = Partition(s, start, end);
            int left = _nodes.Count;
            _nodes.Add(default);
            _nodes.Add(default);
            _nodes[node] = new TreeNode(s.Feature, s.Threshold, s.LeftCategories, left, left + 1, value);
            stack.Push((left + 1, middle, end, depth + 1));
            stack.Push((left, start, middle, depth + 1));
        }
    }

    private (double Weight, double Sum, double Impurity) Statistics(int start, int end)
    {
        double weight = 0, sum = 0;
        int[] rows = _orders[0];
        for (int i = start; i < end; i++)
        {
            double w = _weights[rows[i]];
            weight += w;
            sum += w * _data.Scores[rows[i]];
        }

        // Two passes: a sum of squares minus the squared mean loses everything when scores are large and close.
        double mean = sum / weight;
        double squares = 0;
        for (int i = start; i < end; i++)
        {
            double deviation = _data.Scores[rows[i]] - mean;
            squares += _weights[rows[i]] * deviation * deviation;
        }

        return (weight, sum, squares / weight);
    }

    private int Partition(SplitFinder.Split split, int start, int end)
    {
        double[] column = _data.Columns[split.Feature];
        int leftCount = 0;
        foreach (int row in _orders[0].AsSpan(start, end - start))
        {
            double x = column[row];
            bool left = split.LeftCategories is { } set ? set[(int)x] : x <= split.Threshold;
            _goesLeft[row] = left;
            leftCount += left ? 1 : 0;
        }

        foreach (int[] order in _orders)
        {
            int l = start, r = 0;
            for (int i = start; i < end; i++)
            {
                int row = order[i];
                if (_goesLeft[row])
                {
                    order[l++] = row;
                }
                else
                {
                    _buffer[r++] = row;
                }
            }

            Array.Copy(_buffer, 0, order, l, r);
        }

        return start + leftCount;
    }
}
