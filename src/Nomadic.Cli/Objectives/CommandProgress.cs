using Nomadic.Experiments;
using Nomadic.Pruning;

namespace Nomadic.Cli.Objectives;

/// <summary>
/// Follows one command's stdout for progress reports: each becomes a <see cref="Trial.Report"/> followed by a
/// <see cref="Trial.ShouldPrune"/>; a pruned run or a malformed report stops the command through <paramref name="stop"/>.
/// </summary>
/// <param name="trial">The run the command evaluates.</param>
/// <param name="stop">Cancelled to kill the command's process tree.</param>
internal sealed class CommandProgress(Trial trial, CancellationTokenSource stop)
{
    private volatile Exception? _reason;

    /// <summary>Gets a value indicating whether this follower stopped the command.</summary>
    public bool Stopped => _reason is not null;

    /// <summary>Takes one non-empty stdout line (called from the reading thread, in order).</summary>
    /// <returns><see langword="true"/> when the line is a report, so it is not the score.</returns>
    public bool Accept(string line)
    {
        if (!ReportLine.TryParse(line, out int step, out double value, out string? problem))
        {
            return false;
        }

        if (_reason is not null)
        {
            return true;
        }

        if (problem is not null)
        {
            Stop(new CommandFailedException(problem));
            return true;
        }

        trial.Report(step, value);
        if (trial.ShouldPrune())
        {
            Stop(new TrialPrunedException($"pruned at step {step}"));
        }

        return true;
    }

    /// <summary>Gets why the command was stopped: a <see cref="TrialPrunedException"/> or a <see cref="CommandFailedException"/>.</summary>
    public Exception Reason => _reason ?? throw new InvalidOperationException("The command was not stopped by its reports.");

    private void Stop(Exception reason)
    {
        _reason = reason;
        stop.Cancel();
    }
}
