using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>One run of the optimization history.</summary>
/// <param name="RunNumber">The run's number in the experiment.</param>
/// <param name="Score">Its score (the last reported value of a pruned run).</param>
/// <param name="BestSoFar">The best score of the completed runs up to and including this one; NaN before the first.</param>
/// <param name="Status">How the run ended: completed or pruned (failed runs have no score and are left out).</param>
/// <param name="IsBaseline">Whether the run is the baseline.</param>
internal readonly record struct HistoryPoint(int RunNumber, double Score, double BestSoFar, RunStatus Status, bool IsBaseline);
