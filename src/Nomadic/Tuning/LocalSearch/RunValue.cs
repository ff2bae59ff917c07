using Nomadic.Results;

namespace Nomadic.Tuning.LocalSearch;

/// <summary>What a local search learns from a run: a value to minimize and a cost.</summary>
internal static class RunValue
{
    /// <summary>Gets the run's score as a value to minimize.</summary>
    /// <param name="run">The run.</param>
    /// <param name="direction">Whether higher or lower scores are better.</param>
    /// <returns>The value; <see cref="double.NaN"/> for a failed or pruned run, which never counts as an improvement.</returns>
    public static double Of(RunResult run, Direction direction) =>
        !run.HasUsableScore ? double.NaN : direction == Direction.Minimize ? run.Score : -run.Score;

    /// <summary>Gets the run's cost: its duration in seconds when known, otherwise one run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>A positive cost.</returns>
    public static double Cost(RunResult run) =>
        run.Duration is TimeSpan duration && duration > TimeSpan.Zero ? duration.TotalSeconds : 1.0;
}
