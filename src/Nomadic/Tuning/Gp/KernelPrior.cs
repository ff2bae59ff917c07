namespace Nomadic.Tuning.Gp;

/// <summary>
/// The log prior density of the kernel hyperparameters used by Optuna's GP sampler (its <c>default_log_prior</c>):
/// −(0.1/λ + 0.1λ) for each inverse squared length scale λ, Gamma(2, 1) on the signal variance and Gamma(1.1, 30) on the
/// noise variance, constants dropped. It keeps maximum-likelihood estimates away from degenerate fits on few points.
/// </summary>
internal static class KernelPrior
{
    /// <summary>Computes the log prior and adds its gradient with respect to the raw parameters.</summary>
    /// <param name="hyperparameters">The hyperparameters.</param>
    /// <param name="raw">The raw parameters they come from (see <see cref="MarginalLikelihood.ToHyperparameters"/>).</param>
    /// <param name="gradient">Receives, added, ∂(log prior)/∂raw.</param>
    /// <returns>The log prior density.</returns>
    public static double LogDensity(KernelHyperparameters hyperparameters, ReadOnlySpan<double> raw, Span<double> gradient)
    {
        double[] inverse = hyperparameters.InverseSquaredLengthScales;
        double logPrior = 0;
        for (int k = 0; k < inverse.Length; k++)
        {
            logPrior -= (0.1 / inverse[k]) + (0.1 * inverse[k]);
            gradient[k] += (0.1 / inverse[k]) - (0.1 * inverse[k]);
        }

        double signal = hyperparameters.SignalVariance;
        logPrior += Math.Log(signal) - signal;
        gradient[inverse.Length] += 1 - signal;

        double noise = hyperparameters.NoiseVariance;
        logPrior += (0.1 * Math.Log(noise)) - (30 * noise);
        gradient[inverse.Length + 1] += ((0.1 / noise) - 30) * Math.Exp(raw[inverse.Length + 1]);
        return logPrior;
    }
}
