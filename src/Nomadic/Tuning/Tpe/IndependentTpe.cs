namespace Nomadic.Tuning.Tpe;

/// <summary>
/// Univariate TPE, Optuna's default: each parameter has its own l(x) and g(x) and its own candidates, so parameters
/// are chosen independently of each other.
/// </summary>
internal sealed class IndependentTpe : ITpeProposer
{
    private readonly TpeSpace _space;
    private readonly TpeOptions _options;
    private readonly ParzenEstimator[] _below;
    private readonly ParzenEstimator[] _above;
    private readonly SortedKernelFill _fill;
    private readonly double[] _point = new double[1];
    private readonly double[] _seen;
    private readonly double[] _seenScores;

    public IndependentTpe(TpeSpace space, TpeOptions options, ObservationHistory history)
    {
        _space = space;
        _options = options;
        _fill = new SortedKernelFill(options, history);
        _seen = new double[options.EiCandidates];
        _seenScores = new double[options.EiCandidates];
        _below = space.Scales.Select(s => new ParzenEstimator([ParzenComponent.For(s, options.PriorWeight)])).ToArray();
        _above = space.Scales.Select(s => new ParzenEstimator([ParzenComponent.For(s, options.PriorWeight)])).ToArray();
    }

    public void Propose(ObservationSplit split, System.Random random, object?[] values)
    {
        for (int p = 0; p < _space.Count; p++)
        {
            if (_space.Scales[p] is CategoricalScale)
            {
                KernelFill.Categorical(_below[p], p, split, below: true, _options);
                KernelFill.Categorical(_above[p], p, split, below: false, _options);
            }
            else
            {
                _fill.Below(_below[p], p, split);
                _fill.Above(_above[p], p, split);
            }

            values[p] = Choose(p, random);
        }
    }

    private object? Choose(int parameter, System.Random random)
    {
        ParzenEstimator below = _below[parameter];
        bool continuous = _space.Scales[parameter] is NumericScale { IsDiscrete: false };
        double best = double.NegativeInfinity;
        object? chosen = null;
        for (int i = 0; i < _options.EiCandidates; i++)
        {
            double drawn = below.Components[0].Sample(below.SampleKernel(random), random);
            _point[0] = _space.Scales[parameter].Snap(drawn, out object? value);

            // Discrete candidates repeat; each distinct value is scored once.
            int seen = continuous ? -1 : _seen.AsSpan(0, i).IndexOf(_point[0]);
            double score = seen >= 0 ? _seenScores[seen] : below.LogPdf(_point) - _above[parameter].LogPdf(_point);
            (_seen[i], _seenScores[i]) = (_point[0], score);
            if (i == 0 || score > best)
            {
                (best, chosen) = (score, value);
            }
        }

        return chosen;
    }
}
