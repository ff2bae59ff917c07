namespace Nomadic.Tuning.LocalSearch;

/// <summary>The settings the local search threads of <see cref="CfoTuner"/> and <see cref="BlendSearchTuner"/> share.</summary>
/// <param name="StartPoint">Values of the first start point, by parameter name; others come from the low-cost point or the centre.</param>
/// <param name="LowCostPoint">Values at which parameters are cheap to evaluate, by parameter name.</param>
/// <param name="InitialStepSize">The first step, as a fraction of √d.</param>
/// <param name="MinStepSize">The step below which a search of a continuous space has converged.</param>
internal sealed record LocalSearchSettings(
    IReadOnlyDictionary<string, object?>? StartPoint,
    IReadOnlyDictionary<string, object?>? LowCostPoint,
    double InitialStepSize,
    double MinStepSize);
