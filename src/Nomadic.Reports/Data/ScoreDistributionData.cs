namespace Nomadic.Reports.Data;

/// <summary>The distribution of the scores of the completed runs: a histogram and a smooth density over it.</summary>
/// <param name="Bins">The histogram, in increasing order; empty without a usable score.</param>
/// <param name="Density">
/// A Gaussian kernel density estimate (Silverman's bandwidth), scaled to the histogram's counts so both share the
/// vertical axis, drawn from the lowest to the highest observed score; empty with fewer than two distinct scores.
/// </param>
/// <param name="Count">The number of scores.</param>
/// <param name="BaselineScore">The baseline run's score, when it has a usable one.</param>
internal sealed record ScoreDistributionData(IReadOnlyList<HistogramBin> Bins, IReadOnlyList<PlotPoint> Density, int Count, double? BaselineScore);
