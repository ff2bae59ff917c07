namespace Nomadic.Reports.Data;

/// <summary>
/// Pearson correlations between the numeric parameters and the score over the completed runs (log-scale parameters
/// as their logarithm), each pair over the runs that have both.
/// </summary>
/// <param name="Names">The variables: the numeric parameters in search-space order, then <c>score</c>.</param>
/// <param name="Coefficients">The coefficient of each pair, indexed [row, column] in <paramref name="Names"/> order; NaN when undefined.</param>
internal sealed record CorrelationData(IReadOnlyList<string> Names, ValueGrid Coefficients);
