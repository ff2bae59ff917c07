namespace Nomadic.Reports.Data;

/// <summary>
/// The mean score of the completed runs for each combination of two parameters' values (numeric parameters are
/// split into bins), as nomadic's parameter combination heatmap.
/// </summary>
/// <param name="X">The parameter along the columns.</param>
/// <param name="Y">The parameter along the rows.</param>
/// <param name="XLabels">The label of each column: a category, or a numeric bin's range.</param>
/// <param name="YLabels">The label of each row.</param>
/// <param name="MeanScores">The mean score per cell, indexed [row, column]; NaN for a combination no run tried.</param>
/// <param name="Counts">The number of runs per cell, indexed [row, column].</param>
internal sealed record ParameterHeatmapData(
    ParameterAxis X,
    ParameterAxis Y,
    IReadOnlyList<string> XLabels,
    IReadOnlyList<string> YLabels,
    ValueGrid MeanScores,
    ValueGrid Counts)
{
    /// <summary>
    /// Gets a value indicating whether no run has both parameters, as with two conditional parameters of different
    /// branches: such a heatmap has no cell to colour and is left out of <see cref="ExperimentPlots.PlotAll"/>.
    /// </summary>
    public bool IsEmpty => Enumerable.Range(0, Counts.RowCount).All(r => Enumerable.Range(0, Counts.ColumnCount).All(c => Counts[r, c] == 0));
}
