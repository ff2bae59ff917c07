namespace Nomadic.Tuning;

/// <summary>
/// The settings of a <see cref="TpeTuner"/>. The defaults are those of Optuna 3.1's <c>TPESampler</c>, except
/// <see cref="ConstantLiar"/>, which is on.
/// </summary>
public sealed class TpeOptions
{
    /// <summary>Gets the number of runs drawn at random (seeded) before the model takes over.</summary>
    /// <value>The default value is 10.</value>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Gets the number of candidates drawn from l(x) per suggestion, of which the best l(x)/g(x) is proposed.</summary>
    /// <value>The default value is 24.</value>
    public int EiCandidates { get; init; } = 24;

    /// <summary>Gets the number of observations, out of n, that form the "below" group modelled by l(x).</summary>
    /// <value>The default value is <see cref="DefaultGamma"/>: min(⌈0.1·n⌉, 25).</value>
    public Func<int, int> Gamma { get; init; } = DefaultGamma;

    /// <summary>
    /// Gets the weight of an observation from its age: its position in its group (0 the oldest) and the group's size.
    /// With objectives besides the score it weighs the "above" group only; the "below" group is weighted by hypervolume
    /// contribution, as in Optuna.
    /// </summary>
    /// <value>The default value is <see cref="DefaultWeights"/>: recent observations weigh 1, older ones less.</value>
    public Func<int, int, double> Weights { get; init; } = DefaultWeights;

    /// <summary>Gets the weight of the prior, a kernel covering the whole domain, relative to an observation's.</summary>
    /// <value>The default value is 1.0.</value>
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>Gets a value indicating whether the estimators include the prior (they always do while a group is empty).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ConsiderPrior { get; init; } = true;

    /// <summary>Gets a value indicating whether kernel widths are kept above 1/min(100, 1 + kernels) of the range (hyperopt's heuristic).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ConsiderMagicClip { get; init; } = true;

    /// <summary>Gets a value indicating whether the outermost kernels may stretch to the ends of their domain.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ConsiderEndpoints { get; init; }

    /// <summary>Gets a value indicating whether parameters are modelled jointly (multivariate TPE) rather than one by one.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Multivariate { get; init; }

    /// <summary>Gets the seed; the same seed and the same runs give the same suggestions.</summary>
    /// <value>The default value is <see langword="null"/>: the experiment's seed.</value>
    public int? Seed { get; init; }

    /// <summary>
    /// Gets a value indicating whether running configurations (here and in other workers) count as the worst
    /// observations, so concurrent runs are not proposed close to each other (Optuna's <c>constant_liar</c>).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ConstantLiar { get; init; } = true;

    /// <summary>Optuna's <c>default_gamma</c>: the best 10% of the observations, at most 25.</summary>
    /// <param name="count">The number of observations.</param>
    /// <returns>min(⌈0.1·<paramref name="count"/>⌉, 25).</returns>
    public static int DefaultGamma(int count) => Math.Min((int)Math.Ceiling(0.1 * count), 25);

    /// <summary>
    /// Optuna's <c>default_weights</c>: every observation weighs 1 in a group of fewer than 25; in a larger group the 25
    /// newest weigh 1 and the others ramp linearly from 1/count (the oldest) towards 1 (Bergstra et al. 2013).
    /// </summary>
    /// <param name="position">The observation's position in its group, 0 the oldest.</param>
    /// <param name="count">The group's size.</param>
    /// <returns>The weight.</returns>
    public static double DefaultWeights(int position, int count)
    {
        int ramp = count - 25;
        if (count < 25 || position >= ramp)
        {
            return 1.0;
        }

        double start = 1.0 / count;
        return ramp == 1 ? start : start + (position * (1.0 - start) / (ramp - 1));
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    internal void Validate()
    {
        if (StartupTrials < 0)
        {
            throw new ArgumentException($"TpeOptions.StartupTrials must not be negative, got {StartupTrials}.");
        }

        if (EiCandidates < 1)
        {
            throw new ArgumentException($"TpeOptions.EiCandidates must be at least 1, got {EiCandidates}.");
        }

        if (!double.IsFinite(PriorWeight) || PriorWeight <= 0)
        {
            throw new ArgumentException($"TpeOptions.PriorWeight must be a positive number, got {PriorWeight}.");
        }

        if (Gamma is null || Weights is null)
        {
            throw new ArgumentException($"TpeOptions.{(Gamma is null ? nameof(Gamma) : nameof(Weights))} must not be null.");
        }
    }
}
