using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// Sorts the runs a results journal already holds into those an experiment resumes with and the failed ones it runs
/// again. A journal is only appended to, so a failed run whose configuration was run again later is superseded by that
/// later run: it is left out either way.
/// </summary>
internal sealed class JournalResume
{
    private JournalResume(IReadOnlyList<RunResult> kept, IReadOnlyList<RunResult> retried, int nextNumber)
    {
        Kept = kept;
        Retried = retried;
        NextNumber = nextNumber;
    }

    /// <summary>Gets the runs the experiment resumes with, in journal order.</summary>
    public IReadOnlyList<RunResult> Kept { get; }

    /// <summary>Gets the failed runs whose configurations are evaluated again, as new runs.</summary>
    public IReadOnlyList<RunResult> Retried { get; }

    /// <summary>Gets the first run number no run of the journal has, superseded ones included.</summary>
    public int NextNumber { get; }

    /// <summary>Sorts a journal's runs.</summary>
    /// <param name="runs">The runs in journal order.</param>
    /// <param name="names">The search space's parameter names.</param>
    /// <param name="retryFailed">Whether failed runs that are not superseded are run again rather than kept.</param>
    /// <returns>The sorted runs.</returns>
    public static JournalResume Of(IReadOnlyList<RunResult> runs, IReadOnlyList<string> names, bool retryFailed)
    {
        var lastRunOf = new Dictionary<ConfigurationKey, int>();
        for (int i = 0; i < runs.Count; i++)
        {
            lastRunOf[ConfigurationKey.Of(names, runs[i].Params)] = i;
        }

        var kept = new List<RunResult>(runs.Count);
        var retried = new List<RunResult>();
        int nextNumber = 0;
        for (int i = 0; i < runs.Count; i++)
        {
            RunResult run = runs[i];
            nextNumber = Math.Max(nextNumber, run.TrialNumber + 1);
            if (run.Status != RunStatus.Failed)
            {
                kept.Add(run);
            }
            else if (lastRunOf[ConfigurationKey.Of(names, run.Params)] == i)
            {
                (retryFailed ? retried : kept).Add(run);
            }
        }

        return new JournalResume(kept, retried, nextNumber);
    }
}
