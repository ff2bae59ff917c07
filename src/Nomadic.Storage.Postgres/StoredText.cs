using Nomadic.Results;

namespace Nomadic.Storage.Postgres;

/// <summary>The text the tables keep trial states and directions in.</summary>
internal static class StoredText
{
    /// <summary>Gets the stored form of a trial state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The lower-case name.</returns>
    public static string Of(TrialState state) => state switch
    {
        TrialState.Running => "running",
        TrialState.Completed => "completed",
        TrialState.Failed => "failed",
        TrialState.Pruned => "pruned",
        TrialState.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>Gets the stored form of a direction.</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The lower-case name.</returns>
    public static string Of(Direction direction) => direction == Direction.Minimize ? "minimize" : "maximize";

    /// <summary>Reads a stored trial state.</summary>
    /// <param name="text">The stored text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="StorageException">The text is not a state.</exception>
    public static TrialState TrialStateOf(string text) => text switch
    {
        "running" => TrialState.Running,
        "completed" => TrialState.Completed,
        "failed" => TrialState.Failed,
        "pruned" => TrialState.Pruned,
        "abandoned" => TrialState.Abandoned,
        _ => throw new StorageException($"Unknown stored trial state '{text}'."),
    };

    /// <summary>Reads a stored direction.</summary>
    /// <param name="text">The stored text.</param>
    /// <returns>The direction.</returns>
    public static Direction DirectionOf(string text) => text == "minimize" ? Direction.Minimize : Direction.Maximize;
}
