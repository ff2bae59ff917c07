using Nomadic.Results;

namespace Nomadic.Tuning;

/// <summary>What a tuner learns about its experiment when it is initialized.</summary>
/// <param name="SearchSpace">The space to explore.</param>
/// <param name="Direction">Whether higher or lower scores are better.</param>
/// <param name="Seed">The experiment's seed, for tuners created without one of their own.</param>
public sealed record TunerSetup(SearchSpace SearchSpace, Direction Direction, int Seed)
{
    /// <summary>Gets the objectives besides the score, read from each run's metadata, for multi-objective tuners.</summary>
    /// <value>The default is empty: the score is the only objective.</value>
    public IReadOnlyList<ObjectiveMetric> Objectives { get; init; } = [];

    /// <summary>Gets the experiment's budget of runs (<c>NumSamples</c>), for tuners that plan ahead, e.g. to refine locally near the end.</summary>
    /// <value>The default is <see langword="null"/>: no run budget is known.</value>
    public int? Budget { get; init; }
}
