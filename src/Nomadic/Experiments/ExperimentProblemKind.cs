namespace Nomadic.Experiments;

/// <summary>Which rule an <see cref="ExperimentProblem"/> breaks.</summary>
public enum ExperimentProblemKind
{
    /// <summary>The tuner enumerates a grid (<see cref="Tuning.TunerCapabilities.EnumeratesGrid"/>) and a domain is continuous.</summary>
    GridOverContinuousDomain,

    /// <summary>The tuner never runs out of configurations here and neither a run count nor a time budget is set.</summary>
    NoRunBudget,

    /// <summary>A fixed parameter is also in the search space.</summary>
    FixedParameterTuned,

    /// <summary>An enqueued configuration lies outside the search space.</summary>
    EnqueuedOutsideSpace,
}
