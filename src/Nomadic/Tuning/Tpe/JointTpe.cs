namespace Nomadic.Tuning.Tpe;

/// <summary>
/// Multivariate TPE (Optuna's <c>multivariate=True</c>, after BOHB): one l(x) and one g(x) over all modelled parameters,
/// with a product kernel per observation, so candidates are drawn and scored jointly and interactions between
/// parameters are captured.
/// </summary>
internal sealed class JointTpe : ITpeProposer
{
    private readonly TpeSpace _space;
    private readonly TpeOptions _options;
    private readonly ParzenEstimator _below;
    private readonly ParzenEstimator _above;
    private readonly double[] _point;
    private readonly object?[] _candidate;

    public JointTpe(TpeSpace space, TpeOptions options)
    {
        _space = space;
        _options = options;
        _below = new ParzenEstimator(space.Scales.Select(s => ParzenComponent.For(s, options.PriorWeight)).ToArray());
        _above = new ParzenEstimator(space.Scales.Select(s => ParzenComponent.For(s, options.PriorWeight)).ToArray());
        _point = new double[space.Count];
        _candidate = new object?[space.Count];
    }

    public void Propose(ObservationSplit split, System.Random random, object?[] values)
    {
        KernelFill.Joint(_below, split, below: true, _options);
        KernelFill.Joint(_above, split, below: false, _options);
        double best = double.NegativeInfinity;
        for (int i = 0; i < _options.EiCandidates; i++)
        {
            int kernel = _below.SampleKernel(random);
            for (int p = 0; p < _point.Length; p++)
            {
                _point[p] = _space.Scales[p].Snap(_below.Components[p].Sample(kernel, random), out _candidate[p]);
            }

            double score = _below.LogPdf(_point) - _above.LogPdf(_point);
            if (i == 0 || score > best)
            {
                best = score;
                _candidate.CopyTo(values, 0);
            }
        }
    }
}
