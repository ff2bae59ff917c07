using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>The score of each run in the order the runs happened, with the best score so far.</summary>
/// <param name="Direction">Whether higher or lower scores are better.</param>
/// <param name="Points">One point per run with a finite score, in run order.</param>
internal sealed record HistoryData(Direction Direction, IReadOnlyList<HistoryPoint> Points);
