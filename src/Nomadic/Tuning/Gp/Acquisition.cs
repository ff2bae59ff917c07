namespace Nomadic.Tuning.Gp;

/// <summary>The acquisition function to maximize: log expected improvement of the GP posterior over the best value.</summary>
internal sealed class Acquisition
{
    // Optuna adds this to the posterior variance so log EI stays finite at observed points, where it vanishes.
    private const double StabilizingNoise = 1e-12;

    private readonly GaussianProcess _process;
    private readonly double _best;

    /// <summary>Initializes a new instance of the <see cref="Acquisition"/> class.</summary>
    /// <param name="process">The GP posterior of the standardized values (larger is better).</param>
    /// <param name="best">The best standardized value observed, the improvement threshold.</param>
    public Acquisition(GaussianProcess process, double best)
    {
        _process = process;
        _best = best;
    }

    /// <summary>Evaluates the acquisition function.</summary>
    /// <param name="x">A point of the input space.</param>
    /// <returns>The log expected improvement, finite.</returns>
    public double Value(ReadOnlySpan<double> x)
    {
        (double mean, double variance) = _process.Predict(x, [], []);
        return LogExpectedImprovement.Value(mean, variance + StabilizingNoise, _best, out _, out _);
    }

    /// <summary>Evaluates the acquisition function at many points at once.</summary>
    /// <param name="points">Points of the input space.</param>
    /// <returns>The log expected improvement at each point.</returns>
    public double[] Values(IReadOnlyList<double[]> points)
    {
        (double[] means, double[] variances) = _process.PredictMany(points);
        return means.Select((mean, i) => LogExpectedImprovement.Value(mean, variances[i] + StabilizingNoise, _best, out _, out _)).ToArray();
    }

    /// <summary>Evaluates the acquisition function and its gradient.</summary>
    /// <param name="x">A point of the input space.</param>
    /// <param name="gradient">Receives the gradient; 0 along categorical coordinates.</param>
    /// <returns>The log expected improvement, finite.</returns>
    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Span<double> dVariance = stackalloc double[x.Length];
        (double mean, double variance) = _process.Predict(x, gradient, dVariance);
        double value = LogExpectedImprovement.Value(mean, variance + StabilizingNoise, _best, out double byMean, out double byVariance);
        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] = (byMean * gradient[j]) + (byVariance * dVariance[j]);
        }

        return value;
    }
}
