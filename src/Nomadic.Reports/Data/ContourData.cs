namespace Nomadic.Reports.Data;

/// <summary>
/// The score over two numeric parameters, smoothed between the completed runs on a regular grid (Gaussian kernel
/// regression in the axes' own scales, so a log-scale parameter is smoothed in log space).
/// </summary>
/// <param name="X">The horizontal parameter.</param>
/// <param name="Y">The vertical parameter.</param>
/// <param name="XGrid">The grid's column positions, in parameter units, increasing.</param>
/// <param name="YGrid">The grid's row positions, in parameter units, increasing.</param>
/// <param name="Scores">The interpolated score per grid cell, indexed [row, column].</param>
/// <param name="Observed">The runs the grid was interpolated from, in parameter units.</param>
internal sealed record ContourData(
    ParameterAxis X,
    ParameterAxis Y,
    IReadOnlyList<double> XGrid,
    IReadOnlyList<double> YGrid,
    ValueGrid Scores,
    IReadOnlyList<PlotPoint> Observed);
