using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage;

/// <summary>Rules every storage applies the same way.</summary>
public static class StorageChecks
{
    /// <summary>Throws when an experiment opened again by name differs from the stored one in search space or direction.</summary>
    /// <param name="name">The experiment's name.</param>
    /// <param name="storedDirection">The stored direction.</param>
    /// <param name="storedSpace">The stored search space.</param>
    /// <param name="requested">The definition given now.</param>
    /// <param name="location">The storage's location, for the message.</param>
    /// <exception cref="StorageException">They differ.</exception>
    public static void EnsureSameExperiment(string name, Direction storedDirection, SearchSpace storedSpace, ExperimentDefinition requested, string location)
    {
        ArgumentNullException.ThrowIfNull(storedSpace);
        ArgumentNullException.ThrowIfNull(requested);
        if (storedDirection != requested.Direction)
        {
            throw new StorageException($"{location}: experiment '{name}' exists with direction {storedDirection.ToString().ToLowerInvariant()}, not {requested.Direction.ToString().ToLowerInvariant()}; use another name or delete it.");
        }

        if (storedSpace.ToJson() != requested.SearchSpace.ToJson())
        {
            throw new StorageException($"{location}: experiment '{name}' exists with a different search space; use another name or delete it.");
        }
    }

    /// <summary>Throws when an experiment opened again by name was stored with other extra objectives (names or directions).</summary>
    /// <param name="stored">The stored experiment.</param>
    /// <param name="objectives">The objectives given now.</param>
    /// <param name="location">The storage's location, for the message.</param>
    /// <exception cref="StorageException">They differ.</exception>
    public static void EnsureSameObjectives(StoredExperiment stored, IReadOnlyList<ObjectiveMetric> objectives, string location)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(objectives);
        IReadOnlyList<ObjectiveMetric> kept = ObjectiveSettings.Read(stored.Settings);
        if (!kept.SequenceEqual(objectives))
        {
            throw new StorageException($"{location}: experiment '{stored.Name}' exists with objectives {ObjectiveVectors.Describe(kept)}, not {ObjectiveVectors.Describe(objectives)}; use another name or delete it.");
        }
    }

    /// <summary>Maps a run's status to the stored trial state.</summary>
    /// <param name="status">The run's status.</param>
    /// <returns>The state.</returns>
    public static TrialState StateOf(RunStatus status) => status switch
    {
        RunStatus.Completed => TrialState.Completed,
        RunStatus.Failed => TrialState.Failed,
        RunStatus.Pruned => TrialState.Pruned,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
