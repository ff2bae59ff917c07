namespace Nomadic.Storage;

/// <summary>An experiment as a list shows it: the stored experiment with its trial counts, and its best run.</summary>
/// <param name="Experiment">The experiment, with its trial counts per state.</param>
/// <param name="BestScore">
/// The best finite score of a completed trial (the highest, or the lowest when minimizing); <see langword="null"/> before
/// any trial completed with a finite score.
/// </param>
/// <param name="BestTrialNumber">The number of the trial that scored it, the earliest on ties; <see langword="null"/> with no best score.</param>
public sealed record StoredExperimentSummary(StoredExperiment Experiment, double? BestScore, int? BestTrialNumber)
{
    /// <summary>Summarizes an experiment from its trials, as a storage without a summary query of its own does.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="trials">Its trials, in any order.</param>
    /// <returns>The summary; the best run is chosen as <see cref="Results.ExperimentResult.BestIndex"/> chooses it.</returns>
    public static StoredExperimentSummary Of(StoredExperiment experiment, IEnumerable<StoredTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(trials);
        StoredTrial? best = null;
        foreach (StoredTrial trial in trials.OrderBy(t => t.Number))
        {
            if (trial is { State: TrialState.Completed, Run.HasUsableScore: true }
                && (best is null || Results.BestRunSelector.IsBetter(trial.Run.Score, best.Run!.Score, experiment.Direction)))
            {
                best = trial;
            }
        }

        return new StoredExperimentSummary(experiment, best?.Run!.Score, best?.Number);
    }
}
