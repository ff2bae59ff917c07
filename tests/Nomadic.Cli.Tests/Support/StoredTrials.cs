using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Cli.Tests.Support;

/// <summary>Reads and prepares stored experiments for tests, through the storages themselves.</summary>
internal static class StoredTrials
{
    /// <summary>Gets every trial of an experiment in its latest state, or none when the experiment does not exist.</summary>
    public static IReadOnlyList<StoredTrial> Of(IExperimentStorage storage, string name) =>
        storage.FindExperiment(name) is StoredExperiment experiment
            ? storage.ReadTrials(experiment.Id, 0).GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Number).ToList()
            : [];

    /// <summary>Gets the completed trials of an experiment in a SQLite file.</summary>
    public static IReadOnlyList<StoredTrial> Completed(string database, string name)
    {
        using var storage = new SqliteExperimentStorage(database);
        return Of(storage, name).Where(t => t.State == TrialState.Completed).ToList();
    }

    /// <summary>Creates the stored experiment an experiment file declares, as <c>nomadic run</c> would, without running it.</summary>
    public static void Create(IExperimentStorage storage, string experimentFile) =>
        storage.CreateOrOpenExperiment(ExperimentFileValidator.Validate(ExperimentFileReader.Read(experimentFile), null).Definition);

    /// <summary>Gets a configuration's parameters as text, to compare configurations.</summary>
    public static string Configuration(StoredTrial trial) => string.Join(",", trial.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
