namespace Nomadic.Reports;

/// <summary>One line of a report's statistics section: a named result computed elsewhere (a test, an effect size).</summary>
/// <param name="Title">What the value is, e.g. <c>adam vs sgd (Mann–Whitney U)</c>.</param>
/// <param name="Value">The value or a short text, e.g. <c>p = 0.003</c>.</param>
public sealed record ReportStatistic(string Title, string Value);
