using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Cli.Commands;

/// <summary>What <c>run</c> and <c>worker</c> share: creating a stored experiment from a plan and running it with progress.</summary>
internal static class ExperimentRunner
{
    /// <summary>Creates the experiment in its storage, resuming or joining a stored one of the same name.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="progress">Receives each run finished in this process.</param>
    /// <param name="worker">The storage and how this process works on it.</param>
    /// <returns>The experiment, with the runs already stored.</returns>
    /// <exception cref="InputException">A setting is rejected, or the stored experiment of that name has another search space or direction.</exception>
    public static Experiment Create(ExperimentPlan plan, IProgress<RunResult> progress, WorkerSettings worker)
    {
        FindSame(worker.Storage, plan);
        try
        {
            return plan.CreateExperiment(progress, worker);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{plan.File.Path}: {e.Message.TrimEnd('.')}");
        }
    }

    /// <summary>Runs the experiment until it is done or cancelled.</summary>
    /// <param name="output">Where progress goes; a live progress bar when it is a terminal and <paramref name="live"/> is set.</param>
    /// <param name="experiment">The experiment.</param>
    /// <param name="tracker">Counts the runs for the progress display.</param>
    /// <param name="start">The tally before the first run.</param>
    /// <param name="live">Whether a progress bar may be drawn.</param>
    /// <param name="cancellationToken">Stops the experiment; runs in progress are given back to the storage.</param>
    /// <returns>Every finished run of the experiment in the storage (those of other workers included), with this run's metadata.</returns>
    public static async Task<ExperimentResult> RunAsync(OutputWriter output, Experiment experiment, RunTracker tracker, RunTally start, bool live, CancellationToken cancellationToken)
    {
        if (live && output.Console is { } terminal)
        {
            return await LiveProgress.RunAsync(terminal, experiment, tracker, start, cancellationToken);
        }

        tracker.Display = PlainProgress.To(output);
        return await experiment.RunAsync(cancellationToken);
    }

    /// <summary>Finds the stored experiment of the plan's name, failing when it has another search space, direction or objectives.</summary>
    /// <returns>The stored experiment, or <see langword="null"/> when there is none yet.</returns>
    /// <exception cref="InputException">It differs; the message is the storage's.</exception>
    public static StoredExperiment? FindSame(IExperimentStorage storage, ExperimentPlan plan)
    {
        if (storage.FindExperiment(plan.File.Name) is not StoredExperiment stored)
        {
            return null;
        }

        try
        {
            StorageChecks.EnsureSameExperiment(stored.Name, stored.Direction, stored.SearchSpace, plan.Definition, storage.Location);
            StorageChecks.EnsureSameObjectives(stored, plan.File.Objectives ?? [], storage.Location);
            return stored;
        }
        catch (StorageException e)
        {
            throw new InputException($"{e.Message.TrimEnd('.')}: `nomadic rm {stored.Name}` deletes it and its runs, or `nomadic run --name <other name>` keeps it and runs this file under another name");
        }
    }

    /// <summary>Describes the experiment in one line: objective, direction, tuner, parameters and budget.</summary>
    public static string Describe(ExperimentPlan plan, ExperimentResult restored)
    {
        string tuner = restored.Metadata.TryGetValue("tuner", out object? name) ? $"{name} search" : "search";
        string runs = plan.ExpectedRuns is long n ? DisplayText.Runs(n) : "runs until the time budget is spent";
        string direction = Verb(plan.Direction)
            + (plan.File.Objectives is { Count: > 0 } objectives ? "; also " + string.Join(", ", objectives.Select(o => $"{Verb(o.Direction)} {o.Name}")) : "");
        return $"{plan.ObjectiveName} ({direction}), {tuner} over {string.Join(", ", plan.SearchSpace.Names)}; {runs}";
    }

    private static string Verb(Direction direction) => direction == Direction.Maximize ? "maximize" : "minimize";
}
