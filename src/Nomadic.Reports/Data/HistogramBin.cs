namespace Nomadic.Reports.Data;

/// <summary>One bar of a histogram: the number of values in [<paramref name="Low"/>, <paramref name="High"/>).</summary>
/// <param name="Low">The lower edge (inclusive).</param>
/// <param name="High">The upper edge (exclusive, inclusive for the last bin).</param>
/// <param name="Count">How many values fall in the bin.</param>
internal readonly record struct HistogramBin(double Low, double High, int Count);
