namespace Nomadic.Reports.Data;

/// <summary>The five numbers of a box plot (Tukey's whiskers: the furthest values within 1.5 IQR of the box).</summary>
/// <param name="LowerWhisker">The smallest value at or above Q1 - 1.5 IQR.</param>
/// <param name="Q1">The first quartile.</param>
/// <param name="Median">The median.</param>
/// <param name="Q3">The third quartile.</param>
/// <param name="UpperWhisker">The largest value at or below Q3 + 1.5 IQR.</param>
public readonly record struct BoxSummary(double LowerWhisker, double Q1, double Median, double Q3, double UpperWhisker);
