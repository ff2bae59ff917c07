namespace Nomadic.Reports.Data;

/// <summary>The scores of the runs that gave a categorical parameter one value.</summary>
/// <param name="Label">The value, as text.</param>
/// <param name="Scores">The scores, in run order.</param>
/// <param name="Box">The box-plot summary of the scores, or <see langword="null"/> when there are none.</param>
internal sealed record CategoryScores(string Label, IReadOnlyList<double> Scores, BoxSummary? Box);
