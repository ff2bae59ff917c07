using System.CommandLine;
using Nomadic.Cli.Output;
using Nomadic.Storage;

namespace Nomadic.Cli.Commands;

/// <summary>
/// What <c>run</c> and <c>worker</c> share about a stored experiment's failed runs: by default their configurations run
/// again (as new runs), and <c>--keep-failed</c> keeps them as they are.
/// </summary>
internal static class FailedRunRetry
{
    /// <summary>Creates <c>--keep-failed</c>.</summary>
    public static Option<bool> KeepFailedOption() => new("--keep-failed")
    {
        Description = "Keep the stored failed runs as they are; by default their configurations run again (as new runs) and the failed runs no longer count toward num_samples.",
    };

    /// <summary>Counts the failed runs that will run again, and says so when there are any.</summary>
    /// <param name="output">Where the line goes.</param>
    /// <param name="stored">The stored experiment before this process joins it, or <see langword="null"/> when there is none yet.</param>
    /// <param name="keepFailed">Whether <c>--keep-failed</c> was given.</param>
    /// <returns>The number of failed runs whose configurations run again.</returns>
    public static int Announce(OutputWriter output, StoredExperiment? stored, bool keepFailed)
    {
        int failed = keepFailed ? 0 : stored?.TrialCounts.GetValueOrDefault(TrialState.Failed) ?? 0;
        if (failed > 0)
        {
            output.Line(failed == 1
                ? "Running the 1 failed run again (--keep-failed keeps it)."
                : $"Running the {failed} failed runs again (--keep-failed keeps them).");
        }

        return failed;
    }
}
