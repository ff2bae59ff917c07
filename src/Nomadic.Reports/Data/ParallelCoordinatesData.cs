namespace Nomadic.Reports.Data;

/// <summary>Every completed run as a line across one axis for the score and one per parameter.</summary>
/// <param name="Axes">The axes: <c>score</c> first, then the parameters in search-space order.</param>
/// <param name="Lines">One line per completed run with a usable score, in run order.</param>
/// <param name="ScoreRange">The lowest and highest score, for the colour scale.</param>
internal sealed record ParallelCoordinatesData(IReadOnlyList<ParallelAxis> Axes, IReadOnlyList<ParallelLine> Lines, PlotPoint ScoreRange)
{
    /// <summary>The position, below an axis' values (0 to 1), of the runs that lack its parameter.</summary>
    public const double AbsentPosition = -0.15;
}
