using Nomadic.Storage;

namespace Nomadic.Workspace.Api;

/// <summary>An experiment as the API lists it: names, progress and best run.</summary>
/// <param name="Id">The storage's id of the experiment.</param>
/// <param name="Name">The name shown in the workspace.</param>
/// <param name="StorageName">The name workers use to find it in the storage.</param>
/// <param name="Direction"><c>maximize</c> or <c>minimize</c>.</param>
/// <param name="CreatedAt">When it was created in the storage.</param>
/// <param name="Runs">How many runs it has in each state (running, completed, failed, pruned, abandoned).</param>
/// <param name="BestScore">The best run's score, or <see langword="null"/> before any run completed.</param>
/// <param name="BestTrialNumber">The best run's number, or <see langword="null"/>.</param>
/// <param name="Adopted">Whether the command line or a worker wrote it (so deleting its runs needs <c>?delete_runs=true</c>), adopted by the workspace or owned by none.</param>
/// <param name="Owned">Whether the workspace owns it; otherwise no workspace does, and it is listed for a workspace allowed to adopt.</param>
internal sealed record ExperimentSummary(
    long Id,
    string Name,
    string StorageName,
    string Direction,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, int> Runs,
    double? BestScore,
    int? BestTrialNumber,
    bool Adopted,
    bool Owned)
{
    public static ExperimentSummary Of(VisibleExperiment experiment, double? bestScore, int? bestTrialNumber)
    {
        (Store.WorkspaceExperiment entry, StoredExperiment stored, bool owned) = experiment;
        return new ExperimentSummary(
            stored.Id,
            entry.DisplayName,
            stored.Name,
            stored.Direction == Results.Direction.Maximize ? "maximize" : "minimize",
            stored.CreatedAt,
            CountsOf(s => stored.TrialCounts.GetValueOrDefault(s)),
            bestScore,
            bestTrialNumber,
            !entry.CreatedHere,
            owned);
    }

    /// <summary>Names every trial state in lowercase with its count.</summary>
    public static IReadOnlyDictionary<string, int> CountsOf(Func<TrialState, int> count) =>
        Enum.GetValues<TrialState>().ToDictionary(s => s.ToString().ToLowerInvariant(), count, StringComparer.Ordinal);
}
