using Nomadic.Results;

namespace Nomadic.Cli.Output;

/// <summary>
/// Counts finished runs as the experiment reports them (from any worker thread) and hands each one, with the tally so
/// far, to the progress display. Displays are called one at a time, in the order runs finish.
/// </summary>
internal sealed class RunTracker(Direction direction, long? expected) : IProgress<RunResult>
{
    private readonly Lock _gate = new();
    private int _finished;
    private int _failed;
    private double? _best;
    private int _reported;

    /// <summary>Gets or sets the display told about each finished run.</summary>
    public Action<RunResult, RunTally>? Display { get; set; }

    /// <summary>Gets the number of runs finished in this process (restored ones not included).</summary>
    public int Reported => Volatile.Read(ref _reported);

    /// <summary>Counts runs stored before the experiment starts.</summary>
    public void Restore(ExperimentResult restored)
    {
        foreach (RunResult run in restored.RunResults)
        {
            Count(run);
        }
    }

    public void Report(RunResult value)
    {
        lock (_gate)
        {
            _reported++;
            Display?.Invoke(value, Count(value));
        }
    }

    private RunTally Count(RunResult run)
    {
        _finished++;
        _failed += run.Status == RunStatus.Failed ? 1 : 0;
        if (run.HasUsableScore && (_best is not double best || (direction == Direction.Maximize ? run.Score > best : run.Score < best)))
        {
            _best = run.Score;
        }

        return new RunTally(_finished, expected, _failed, _best);
    }
}
