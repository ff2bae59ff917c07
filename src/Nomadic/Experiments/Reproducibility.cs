using System.Globalization;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// Judges whether an experiment was reproducible by construction: whether the same seed, search space, settings and
/// objective results give the same runs in the same order. Recorded in the result's metadata as <c>reproducible</c>
/// and, in one line saying why, <c>reproducibility</c>. Not thread-safe: the experiment's lock guards it.
/// </summary>
internal sealed class Reproducibility(ExperimentOptions options, ITuner tuner)
{
    /// <summary>Gets or sets the trials stored before the experiment started (journal or storage) it continued from.</summary>
    public int ResumedTrials { get; set; }

    /// <summary>Gets or sets a value indicating whether other workers ran trials of the stored experiment meanwhile.</summary>
    public bool OtherWorkers { get; set; }

    /// <summary>Gets or sets a value indicating whether configurations were enqueued after the first trial started.</summary>
    public bool EnqueuedWhileRunning { get; set; }

    /// <summary>Gets or sets a value indicating whether a run timed out.</summary>
    public bool TimedOut { get; set; }

    // Tuners whose configurations depend on the seed alone, never on results.
    private bool Learns => tuner is not (GridTuner or RandomTuner or QuasiRandomTuner);

    /// <summary>Says whether the experiment was reproducible, and why, in one line.</summary>
    /// <param name="stopReason">Why it stopped, one of <see cref="StopReasons"/>, or <see langword="null"/> while it runs.</param>
    /// <param name="started">How many trials it started itself; <see langword="null"/> when not counted.</param>
    public (bool Reproducible, string Line) Judge(string? stopReason, int? started = null)
    {
        int k = options.MaxConcurrentTrials;
        if (started == 0 && ResumedTrials > 0 && !OtherWorkers)
        {
            return (false, string.Create(CultureInfo.InvariantCulture, $"Reproducibility not known: no run was made now; {(ResumedTrials == 1 ? "the one run was" : $"all {ResumedTrials} runs were")} stored earlier, and whether they were reproducible was said when they ran."));
        }

        string? reason = stopReason switch
        {
            _ when OtherWorkers => "other workers ran trials of this experiment at the same time",
            _ when ResumedTrials > 0 => string.Create(CultureInfo.InvariantCulture, $"it continued from {Runs(ResumedTrials)} stored earlier, so the later runs depend on where those stopped"),
            StopReasons.TimeBudget => "the time budget decided how many runs were made",
            StopReasons.Cancelled => "it was cancelled before the end",
            _ when EnqueuedWhileRunning => "configurations were enqueued while it ran",
            _ when TimedOut => "a run timed out, and when that happens depends on the machine",
            _ when k > 1 && !options.Reproducible && Learns => string.Create(CultureInfo.InvariantCulture, $"{k} runs ran at a time and the {tuner.Name} tuner saw them in the order they finished; set reproducible to show them in run order"),
            _ when k > 1 && !options.Reproducible && options.Pruner is not null => string.Create(CultureInfo.InvariantCulture, $"{k} runs ran at a time and the pruner compared each with the others as they happened to be; set reproducible to compare each with the same runs"),
            _ => null,
        };
        if (reason is not null)
        {
            return (false, "Not reproducible: " + reason + ".");
        }

        return (true, "Reproducible: " + (k == 1 ? "one run at a time, so the seed and the results decide every configuration."
            : options.Reproducible ? string.Create(CultureInfo.InvariantCulture, $"{k} runs at a time, shown to the tuner in run order.")
            : $"the {tuner.Name} tuner's configurations do not depend on results."));
    }

    private static string Runs(int count) => count == 1 ? "1 run" : string.Create(CultureInfo.InvariantCulture, $"{count} runs");
}
