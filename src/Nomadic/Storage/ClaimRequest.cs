namespace Nomadic.Storage;

/// <summary>A worker's request to start a trial.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="ConfigurationKey">The canonical key of the configuration; unique among the experiment's trials that are not abandoned.</param>
/// <param name="Params">The parameters to evaluate.</param>
/// <param name="IsBaseline">Whether it evaluates the experiment's current configuration.</param>
/// <param name="WorkerId">The worker claiming it.</param>
/// <param name="StartedAt">The start time.</param>
/// <param name="LeaseExpiresAt">When the lease runs out unless renewed.</param>
/// <param name="MaxTrials">The experiment's limit on trials that are not abandoned, or <see langword="null"/> for none.</param>
public sealed record ClaimRequest(
    long ExperimentId,
    string ConfigurationKey,
    IReadOnlyDictionary<string, object?> Params,
    bool IsBaseline,
    string WorkerId,
    DateTimeOffset StartedAt,
    DateTimeOffset LeaseExpiresAt,
    int? MaxTrials);
