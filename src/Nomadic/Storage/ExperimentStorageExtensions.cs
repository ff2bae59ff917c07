using Nomadic.Results;

namespace Nomadic.Storage;

/// <summary>Reads whole experiment results out of any <see cref="IExperimentStorage"/>.</summary>
public static class ExperimentStorageExtensions
{
    /// <summary>Loads the finished runs of a stored experiment as an <see cref="ExperimentResult"/>, in run-number order.</summary>
    /// <param name="storage">The storage.</param>
    /// <param name="name">The experiment's name.</param>
    /// <returns>The result, or <see langword="null"/> when there is no experiment of that name.</returns>
    public static ExperimentResult? LoadResult(this IExperimentStorage storage, string name)
    {
        ArgumentNullException.ThrowIfNull(storage);
        StoredExperiment? experiment = storage.FindExperiment(name);
        if (experiment is null)
        {
            return null;
        }

        return storage.ToResult(experiment, storage.ReadTrials(experiment.Id, 0));
    }

    /// <summary>
    /// Builds the result of a stored experiment from its trials already read, as <see cref="LoadResult"/> does, so a
    /// caller that needs the trials for more than the result reads them once.
    /// </summary>
    /// <param name="storage">The storage the trials were read from.</param>
    /// <param name="experiment">The experiment.</param>
    /// <param name="trials">Its trials, in any order; those without a finished run are left out.</param>
    /// <returns>The finished runs in run-number order.</returns>
    public static ExperimentResult ToResult(this IExperimentStorage storage, StoredExperiment experiment, IEnumerable<StoredTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(trials);
        IEnumerable<RunResult> runs = trials
            .Where(t => t.Run is not null)
            .OrderBy(t => t.Number)
            .Select(t => t.Run!);
        return new ExperimentResult(experiment.SearchSpace, runs, experiment.Name)
        {
            Direction = experiment.Direction,
            Objectives = ObjectiveSettings.Read(experiment.Settings),
            Metadata = new Dictionary<string, object?>(StringComparer.Ordinal) { ["storage"] = storage.Location },
        };
    }
}
