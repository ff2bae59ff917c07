using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage;

/// <summary>An experiment as stored.</summary>
/// <param name="Id">The storage's id of the experiment.</param>
/// <param name="Name">The unique name.</param>
/// <param name="Direction">Whether higher or lower scores are better.</param>
/// <param name="SearchSpace">The search space.</param>
/// <param name="Settings">The free-form settings given at creation.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="TrialCounts">How many trials it has in each state.</param>
public sealed record StoredExperiment(
    long Id,
    string Name,
    Direction Direction,
    SearchSpace SearchSpace,
    IReadOnlyDictionary<string, object?> Settings,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<TrialState, int> TrialCounts);
