namespace Nomadic.Tuning.Tpe;

/// <summary>
/// The kernel widths of a Parzen estimator on the unit interval, by the rules of Optuna 3.1's
/// <c>_ParzenEstimator._calculate_numerical_params</c>.
/// </summary>
internal static class Bandwidth
{
    private const double Epsilon = 1e-12;

    // Scott's rule with the constant of the BOHB paper (Falkner et al. 2018), as Optuna's multivariate TPE uses it.
    private const double ScottMagnitude = 0.2;

    /// <summary>Sets each kernel's width to the larger gap to its neighbours (the domain's ends are neighbours too).</summary>
    /// <param name="sortedMus">The kernel centres in ascending order, the prior's included.</param>
    /// <param name="sigmas">Receives the widths, in the same order.</param>
    /// <param name="considerEndpoints">Whether the outermost kernels may reach to the domain's ends.</param>
    /// <remarks>
    /// Without endpoints (hyperopt's and Optuna's default) the outermost kernels take the gap to their inner neighbour
    /// only, so a lone observation near an end is not smeared across the whole domain.
    /// </remarks>
    public static void FromNeighbours(ReadOnlySpan<double> sortedMus, Span<double> sigmas, bool considerEndpoints)
    {
        int count = sortedMus.Length;
        for (int i = 0; i < count; i++)
        {
            double left = sortedMus[i] - (i == 0 ? 0.0 : sortedMus[i - 1]);
            double right = (i == count - 1 ? 1.0 : sortedMus[i + 1]) - sortedMus[i];
            sigmas[i] = Math.Max(left, right);
        }

        if (!considerEndpoints && count >= 2)
        {
            sigmas[0] = sortedMus[1] - sortedMus[0];
            sigmas[count - 1] = sortedMus[count - 1] - sortedMus[count - 2];
        }
    }

    /// <summary>Gets the common width of the kernels of a multivariate estimator (Scott's rule).</summary>
    /// <param name="observations">The observations in the group, the prior not counted.</param>
    /// <param name="dimensions">The number of parameters modelled jointly.</param>
    /// <returns>The width, as a fraction of the domain.</returns>
    public static double Scott(int observations, int dimensions) =>
        ScottMagnitude * Math.Pow(Math.Max(observations, 1), -1.0 / (dimensions + 4));

    /// <summary>Clips the widths to [1/min(100, 1 + kernels), 1] (the "magic clip"), or to [1e-12, 1] without it.</summary>
    /// <param name="sigmas">The widths of all kernels, the prior's included.</param>
    /// <param name="magicClip">Whether to apply hyperopt's lower bound, which keeps early estimators from spiking.</param>
    public static void Clip(Span<double> sigmas, bool magicClip)
    {
        double min = magicClip ? 1.0 / Math.Min(100.0, 1.0 + sigmas.Length) : Epsilon;
        foreach (ref double sigma in sigmas)
        {
            sigma = Math.Clamp(sigma, min, 1.0);
        }
    }
}
