namespace Nomadic.Tuning;

/// <summary>The settings of a <see cref="GaussianProcessTuner"/>, each with a documented default; checked when the tuner is created.</summary>
public sealed class GaussianProcessOptions
{
    /// <summary>Gets the number of completed runs drawn from a space-filling quasi-random design before the model is used.</summary>
    /// <value>The default value is 10, as in Optuna's GP sampler. Must not be negative.</value>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Gets the number of quasi-random points at which the acquisition function is evaluated before local refinement.</summary>
    /// <value>The default value is 2048, as in Optuna's GP sampler. Must be at least 1.</value>
    public int CandidateCount { get; init; } = 2048;

    /// <summary>Gets the number of local searches that refine the most promising points, the best observed one included.</summary>
    /// <value>The default value is 10, as in Optuna's GP sampler. Must be at least 1.</value>
    public int LocalSearches { get; init; } = 10;

    /// <summary>Gets the seed of the tuner's random choices; the same seed and the same results give the same configurations.</summary>
    /// <value>The default is the experiment's seed.</value>
    public int? Seed { get; init; }

    internal void Validate()
    {
        if (StartupTrials < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StartupTrials), StartupTrials, "StartupTrials must not be negative.");
        }

        if (CandidateCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CandidateCount), CandidateCount, "CandidateCount must be at least 1.");
        }

        if (LocalSearches < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LocalSearches), LocalSearches, "LocalSearches must be at least 1.");
        }
    }
}
