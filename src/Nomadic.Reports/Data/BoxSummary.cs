namespace Nomadic.Reports.Data;

/// <summary>
/// The five numbers of a box plot (Tukey's whiskers: the furthest values within 1.5 IQR of the box, never inside it);
/// values beyond the whiskers are outliers.
/// </summary>
/// <param name="LowerWhisker">The smallest value at or above Q1 - 1.5 IQR, or Q1 when that value is above Q1.</param>
/// <param name="Q1">The first quartile.</param>
/// <param name="Median">The median.</param>
/// <param name="Q3">The third quartile.</param>
/// <param name="UpperWhisker">The largest value at or below Q3 + 1.5 IQR, or Q3 when that value is below Q3.</param>
internal readonly record struct BoxSummary(double LowerWhisker, double Q1, double Median, double Q3, double UpperWhisker);
