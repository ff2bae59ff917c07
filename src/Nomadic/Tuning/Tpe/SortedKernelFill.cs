namespace Nomadic.Tuning.Tpe;

/// <summary>
/// Fills the estimator of one numeric parameter for independent TPE: kernels sorted by centre, each as wide as the
/// larger gap to its neighbours.
/// </summary>
/// <remarks>
/// Neighbour widths need the observations sorted by value. The "above" group, which holds nearly all observations, is
/// read in order from the history's sorted arrays rather than sorted anew, so each suggestion costs O(n), not O(n log n).
/// </remarks>
internal sealed class SortedKernelFill
{
    private const double PriorCentre = 0.5;

    private readonly TpeOptions _options;
    private readonly ObservationHistory _history;
    private double[] _keys = [];
    private double[] _weights = [];
    private int[] _order = [];

    public SortedKernelFill(TpeOptions options, ObservationHistory history)
    {
        _options = options;
        _history = history;
    }

    /// <summary>Fills l(x) from the "below" group, which is small (γ caps it at 25 by default), by sorting it with the prior.</summary>
    public void Below(ParzenEstimator estimator, int parameter, ObservationSplit split)
    {
        int size = split.BelowCount;
        bool prior = _options.ConsiderPrior || size == 0;
        int count = size + (prior ? 1 : 0);
        Ensure(count);
        split.CopyGroup(parameter, below: true, _keys);
        split.CopyGroupWeights(below: true, _weights);
        if (prior)
        {
            (_keys[size], _weights[size]) = (PriorCentre, _options.PriorWeight);
        }

        for (int i = 0; i < count; i++)
        {
            _order[i] = i;
        }

        _order.AsSpan(0, count).Sort(new ByKeyThenPosition(_keys));
        estimator.Resize(count);
        var kernels = (NumericKernels)estimator.Components[0];
        int priorIndex = -1;
        for (int k = 0; k < count; k++)
        {
            kernels.Mu[k] = _keys[_order[k]];
            estimator.RawWeights[k] = _weights[_order[k]];
            priorIndex = prior && _order[k] == size ? k : priorIndex;
        }

        KernelFill.NeighbourWidths(estimator, kernels, priorIndex, _options);
    }

    /// <summary>
    /// Fills g(x) from the "above" group by merging, in one pass, the history's sorted values (skipping the "below"
    /// runs), the running configurations and the prior.
    /// </summary>
    public void Above(ParzenEstimator estimator, int parameter, ObservationSplit split)
    {
        ReadOnlySpan<double> sorted = _history.SortedValues(parameter);
        ReadOnlySpan<int> ids = _history.SortedIds(parameter);
        ReadOnlySpan<bool> isBelow = split.IsBelow;
        ReadOnlySpan<double> weights = split.Weights;
        int running = SortedRunningAbove(parameter, split);
        int size = split.GroupSize(below: false);
        bool prior = _options.ConsiderPrior || size == 0;
        estimator.Resize(size + (prior ? 1 : 0));
        var kernels = (NumericKernels)estimator.Components[0];
        Span<double> mu = kernels.Mu;
        Span<double> raw = estimator.RawWeights;
        int priorIndex = -1;
        for (int i = 0, j = 0, k = 0; k < mu.Length; k++)
        {
            while (i < sorted.Length && isBelow[ids[i]])
            {
                i++;
            }

            double finished = i < sorted.Length ? sorted[i] : double.PositiveInfinity;
            double pending = j < running ? _keys[j] : double.PositiveInfinity;
            if (prior && priorIndex < 0 && PriorCentre < finished && PriorCentre < pending)
            {
                (mu[k], raw[k], priorIndex) = (PriorCentre, _options.PriorWeight, k);
            }
            else if (finished <= pending)
            {
                (mu[k], raw[k]) = (finished, weights[ids[i++]]);
            }
            else
            {
                (mu[k], raw[k]) = (pending, _weights[j++]);
            }
        }

        KernelFill.NeighbourWidths(estimator, kernels, priorIndex, _options);
    }

    // The running configurations in the "above" group (all of them, unless γ exceeds the finished runs), sorted.
    private int SortedRunningAbove(int parameter, ObservationSplit split)
    {
        Ensure(split.RunningCount);
        int count = 0;
        for (int id = split.FinishedCount; id < split.Total; id++)
        {
            if (!split.IsBelow[id])
            {
                (_keys[count], _weights[count]) = (split.Value(parameter, id), split.Weights[id]);
                count++;
            }
        }

        _keys.AsSpan(0, count).Sort(_weights.AsSpan(0, count));
        return count;
    }

    private void Ensure(int count)
    {
        if (_keys.Length < count)
        {
            Array.Resize(ref _keys, Math.Max(count, _keys.Length * 2));
            Array.Resize(ref _weights, _keys.Length);
            Array.Resize(ref _order, _keys.Length);
        }
    }

    // Equal centres keep their order, and the prior comes after observations at the centre, as Optuna appends the
    // prior to the observations before sorting.
    private readonly struct ByKeyThenPosition(double[] keys) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int byKey = keys[x].CompareTo(keys[y]);
            return byKey != 0 ? byKey : x.CompareTo(y);
        }
    }
}
