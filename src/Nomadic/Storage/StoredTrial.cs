using Nomadic.Results;

namespace Nomadic.Storage;

/// <summary>A trial as stored: a running claim, a finished run, or an abandoned attempt.</summary>
/// <param name="Id">The storage's id of the trial.</param>
/// <param name="Number">The trial's number in its experiment, from 0 in claim order.</param>
/// <param name="ConfigurationKey">The canonical key of its configuration.</param>
/// <param name="State">Its state.</param>
/// <param name="Params">The parameters evaluated.</param>
/// <param name="IsBaseline">Whether it evaluates the experiment's current configuration.</param>
/// <param name="WorkerId">The worker that claimed it.</param>
/// <param name="LeaseExpiresAt">When a running trial's lease runs out.</param>
/// <param name="Version">Grows with every change of any trial of the experiment.</param>
/// <param name="Run">The outcome of a finished trial; <see langword="null"/> while running or when abandoned.</param>
public sealed record StoredTrial(
    long Id,
    int Number,
    string ConfigurationKey,
    TrialState State,
    IReadOnlyDictionary<string, object?> Params,
    bool IsBaseline,
    string WorkerId,
    DateTimeOffset? LeaseExpiresAt,
    long Version,
    RunResult? Run);
