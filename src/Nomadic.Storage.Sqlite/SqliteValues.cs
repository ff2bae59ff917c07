using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Storage.Sqlite;

/// <summary>The column forms of states, directions and times: readable text, and unix milliseconds where compared.</summary>
internal static class SqliteValues
{
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Text(TrialState state) => state switch
    {
        TrialState.Running => "running",
        TrialState.Completed => "completed",
        TrialState.Failed => "failed",
        TrialState.Pruned => "pruned",
        TrialState.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static TrialState ParseState(string text) => text switch
    {
        "running" => TrialState.Running,
        "completed" => TrialState.Completed,
        "failed" => TrialState.Failed,
        "pruned" => TrialState.Pruned,
        "abandoned" => TrialState.Abandoned,
        _ => throw new StorageException($"Unknown trial state '{text}' in the database."),
    };

    public static string Text(Direction direction) => direction == Direction.Minimize ? "minimize" : "maximize";

    public static Direction ParseDirection(string text) => text == "minimize" ? Direction.Minimize : Direction.Maximize;

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseIso(string text) =>
        DateTimeOffset.ParseExact(text, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static long UnixMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
