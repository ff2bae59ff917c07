using System.Globalization;
using Nomadic.Analysis;
using Nomadic.Results;

namespace Nomadic.Reports;

/// <summary>
/// Fills the statistics and importance a report shows when the caller gave none: the score summary, the best
/// configuration against the baseline and the runners-up (paired or repeated-evaluation tests, Holm-corrected), the
/// original's top-n significance test (marked descriptive), and fANOVA parameter importance.
/// </summary>
internal static class ReportAnalysis
{
    private const int MinimumRunsForImportance = 8;

    public static ReportOptions Complete(ExperimentResult result, ReportOptions options)
    {
        if (!options.Analyze)
        {
            return options;
        }

        return new ReportOptions
        {
            Title = options.Title,
            IncludePlots = options.IncludePlots,
            ImageFormat = options.ImageFormat,
            Analyze = false,
            Importance = options.Importance,
            ParameterImportances = options.ParameterImportances ?? (options.Importance is null ? Importance(result) : null),
            Statistics = options.Statistics.Count > 0 ? options.Statistics : Statistics(result),
        };
    }

    private static IReadOnlyList<ParameterImportance>? Importance(ExperimentResult result)
    {
        if (result.RunResults.Count(r => r.HasUsableScore) < MinimumRunsForImportance || result.HpSearchSpace.Count < 2)
        {
            return null;
        }

        return result.ParameterImportances();
    }

    private static List<ReportStatistic> Statistics(ExperimentResult result)
    {
        var rows = new List<ReportStatistic>();
        ScoreSummary summary = result.Summarize();
        if (summary.ValueCount > 0)
        {
            rows.Add(new("Score", Format($"mean {NumberText.Format(summary.Mean)}, sd {NumberText.Format(summary.StandardDeviation)}, median {NumberText.Format(summary.Median)} [q25 {NumberText.Format(summary.Q25)}, q75 {NumberText.Format(summary.Q75)}] over {summary.ValueCount} completed runs")));
        }

        rows.AddRange(ComparisonRows.Of(result.CompareBest()));
        SignificanceTest top = result.TestSignificance();
        string effect = top.EffectSize is { } size ? Format($" ({size.ToString().ToLowerInvariant()})") : "";
        string test = double.IsNaN(top.PValue)
            ? top.Note
            : Format($"U = {NumberText.Format(top.UStatistic)}, p = {NumberText.Format(top.PValue)}, Cohen's d = {NumberText.Format(top.CohensD)}{effect}. {top.Note}");
        rows.Add(new(Format($"Top {top.TopCount} vs the other {top.RestCount} runs (descriptive only)"), test));
        return rows;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
