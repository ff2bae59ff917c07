using Nomadic.Tuning.LocalSearch;

namespace Nomadic.Tuning;

/// <summary>The settings of a <see cref="BlendSearchTuner"/>, each with a documented default; checked when the tuner is created.</summary>
public sealed class BlendSearchOptions
{
    /// <summary>Gets the model-based tuner that proposes the start points of local searches; it serves this one experiment.</summary>
    /// <value>The default value is <see langword="null"/>: a <see cref="TpeTuner"/> with the blend's seed, as FLAML uses Optuna's TPE.</value>
    public ITuner? GlobalTuner { get; init; }

    /// <summary>Gets values of the first configuration to evaluate, by parameter name; the first local search starts there.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: each parameter starts at its <see cref="LowCostPoint"/> value, else
    /// at the middle of its numeric domain or the first value of its choice.
    /// </value>
    public IReadOnlyDictionary<string, object?>? StartPoint { get; init; }

    /// <summary>Gets values at which parameters are cheap to evaluate, by parameter name (FLAML's <c>low_cost_partial_config</c>).</summary>
    /// <value>The default value is <see langword="null"/>: no parameter is known to drive the cost.</value>
    public IReadOnlyDictionary<string, object?>? LowCostPoint { get; init; }

    /// <summary>Gets the most local searches kept at once; a new one beyond it replaces the worst.</summary>
    /// <value>The default value is 4. Must be at least 1.</value>
    public int MaxLocalSearches { get; init; } = 4;

    /// <summary>Gets the first step size of a local search, as a fraction of √d.</summary>
    /// <value>The default value is 0.1, as in FLAML. Must be in (0, 1].</value>
    public double InitialStepSize { get; init; } = 0.1;

    /// <summary>Gets the step size below which a local search of a space with a continuous parameter has converged.</summary>
    /// <value>The default value is 1e-4, as in FLAML. Must be positive and less than <see cref="InitialStepSize"/>.</value>
    public double MinStepSize { get; init; } = 1e-4;

    /// <summary>Gets the seed of the tuner's random choices; the same seed and the same results give the same configurations.</summary>
    /// <value>The default value is <see langword="null"/>: the experiment's seed.</value>
    public int? Seed { get; init; }

    internal LocalSearchSettings Validate()
    {
        if (MaxLocalSearches < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLocalSearches), MaxLocalSearches, "MaxLocalSearches must be at least 1.");
        }

        if (!(InitialStepSize > 0 && InitialStepSize <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialStepSize), InitialStepSize, "InitialStepSize must be in (0, 1].");
        }

        if (!(MinStepSize > 0 && MinStepSize < InitialStepSize))
        {
            throw new ArgumentOutOfRangeException(nameof(MinStepSize), MinStepSize, "MinStepSize must be positive and less than InitialStepSize.");
        }

        return new LocalSearchSettings(StartPoint, LowCostPoint, InitialStepSize, MinStepSize);
    }
}
