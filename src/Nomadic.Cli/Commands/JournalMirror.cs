using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Results;

namespace Nomadic.Cli.Commands;

/// <summary>
/// Keeps the results journal an experiment file declares in step with the storage: each run finished here is appended
/// as it finishes, and runs finished elsewhere (earlier, or by other workers) are appended at the end. Each
/// configuration is written once (a failed one again when it runs again), also when other <c>nomadic run</c> processes
/// of the same experiment and storage keep the same journal at the same time (the journal skips a trial one of them
/// already wrote).
/// </summary>
internal sealed class JournalMirror : IProgress<RunResult>, IDisposable
{
    private readonly ResultsJournal _journal;
    private readonly IProgress<RunResult> _next;
    private readonly IReadOnlyList<string> _names;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly HashSet<int> _failedWritten = [];
    private readonly Lock _gate = new();

    private JournalMirror(ResultsJournal journal, ExperimentPlan plan, IProgress<RunResult> next)
    {
        _journal = journal;
        _next = next;
        _names = plan.SearchSpace.Names;
        foreach (RunResult run in journal.ExistingRuns)
        {
            Remember(run);
        }
    }

    /// <summary>Opens the journal the plan declares, shared with the processes that run the same experiment in the same storage.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="storageLocation">Where the experiment's runs are kept.</param>
    /// <param name="next">Receives each run after it is written.</param>
    /// <returns>The mirror, or <see langword="null"/> when the plan declares no journal.</returns>
    /// <exception cref="InputException">The journal is larger than <see cref="DataFileLimits.MaxBytes"/>.</exception>
    /// <exception cref="ResultFormatException">The journal belongs to another experiment.</exception>
    /// <exception cref="IOException">Another process writes the journal for something else.</exception>
    public static JournalMirror? Open(ExperimentPlan plan, string storageLocation, IProgress<RunResult> next)
    {
        if (plan.Outputs.Journal is not string path)
        {
            return null;
        }

        if (File.Exists(path) && DataFileLimits.SizeProblem(path) is string problem)
        {
            throw new InputException(problem);
        }

        return new JournalMirror(ResultsJournal.Open(path, plan.File.Name, plan.Direction, plan.SearchSpace, plan.File.Objectives ?? [], storageLocation), plan, next);
    }

    /// <summary>Fails when the journal holds runs the storage does not: it was written for another storage, or before there was one.</summary>
    /// <param name="stored">The runs the storage holds, or <see langword="null"/> when it has no such experiment yet.</param>
    /// <param name="location">The storage, for the message.</param>
    /// <exception cref="InputException">The journal holds runs the storage does not.</exception>
    public void EnsureStored(ExperimentResult? stored, string location)
    {
        var keys = (stored?.RunResults ?? []).Select(Key).ToHashSet(StringComparer.Ordinal);
        // Failed runs are not results: the storage gives them back when the experiment runs again.
        int missing = _journal.ExistingRuns.Count(r => r.Status != RunStatus.Failed && !keys.Contains(Key(r)));
        if (missing > 0)
        {
            throw new InputException(
                $"{_journal.Path}: holds {missing} runs that {location} does not (written before the experiment was kept there, or for another storage); " +
                "move the journal away to go on with the stored runs, or name the storage that holds them with --storage");
        }
    }

    public void Report(RunResult value)
    {
        Append(value);
        _next.Report(value);
    }

    /// <summary>Appends the runs of the whole experiment the journal does not hold yet.</summary>
    public void Complete(ExperimentResult result)
    {
        foreach (RunResult run in result.RunResults)
        {
            Append(run);
        }
    }

    public void Dispose() => _journal.Dispose();

    private void Append(RunResult run)
    {
        lock (_gate)
        {
            if (Remember(run))
            {
                _journal.Append(run);
            }
        }
    }

    // A configuration's failed run may be followed by another run of it (the failure given back and run again), so a
    // failed run is known by its number and a finished one by its configuration.
    private bool Remember(RunResult run) =>
        run.Status == RunStatus.Failed ? _failedWritten.Add(run.TrialNumber) : _written.Add(Key(run));

    private string Key(RunResult run) =>
        JsonPlain.Serialize(_names.ToDictionary(n => n, n => run.Params.GetValueOrDefault(n), StringComparer.Ordinal));
}
