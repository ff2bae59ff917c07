using System.Globalization;
using Nomadic.Serialization;

namespace Nomadic.Results;

/// <summary>
/// The columns describing how each run went, named as the fields of a run in the JSON form: <c>trial_number</c>
/// (empty for a run outside an experiment), <c>status</c>, <c>error</c>, <c>started_at</c> (ISO 8601) and
/// <c>duration_seconds</c>.
/// </summary>
internal static class RunDetailColumns
{
    public static IEnumerable<RunTable.Column> For(IReadOnlyList<RunResult> runs)
    {
        yield return new RunTable.Column("trial_number", [.. runs.Select(r => r.TrialNumber >= 0 ? (object?)r.TrialNumber : null)], RunTable.ColumnKind.Int32);
        yield return new RunTable.Column("status", [.. runs.Select(r => (object?)RunJson.StatusName(StatusOf(r)))], RunTable.ColumnKind.String);
        yield return new RunTable.Column("error", [.. runs.Select(r => (object?)ErrorOf(r))], RunTable.ColumnKind.String);
        yield return new RunTable.Column("started_at", [.. runs.Select(r => (object?)r.StartedAt?.ToString("O", CultureInfo.InvariantCulture))], RunTable.ColumnKind.String);
        yield return new RunTable.Column("duration_seconds", [.. runs.Select(r => (object?)r.Duration?.TotalSeconds)], RunTable.ColumnKind.Double);
    }

    // As the JSON form records it: a completed run without a finite score counts as failed.
    private static bool Unscored(RunResult run) => run.Status == RunStatus.Completed && !double.IsFinite(run.Score);

    private static RunStatus StatusOf(RunResult run) => Unscored(run) ? RunStatus.Failed : run.Status;

    private static string? ErrorOf(RunResult run) =>
        Unscored(run) ? run.Error ?? $"the score is {ParamValue.ToDisplayString(run.Score)}, not a finite number" : run.Error;
}
