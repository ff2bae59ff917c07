using Nomadic.Results;

namespace Nomadic.Tuning;

/// <summary>What a tuner learns about its experiment when it is initialized.</summary>
/// <param name="SearchSpace">The space to explore.</param>
/// <param name="Direction">Whether higher or lower scores are better.</param>
/// <param name="Seed">The experiment's seed, for tuners created without one of their own.</param>
public sealed record TunerSetup(SearchSpace SearchSpace, Direction Direction, int Seed);
