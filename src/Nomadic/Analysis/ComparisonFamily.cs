using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Analysis;

/// <summary>Applies Holm's correction across comparisons made together and words their verdicts.</summary>
internal static class ComparisonFamily
{
    public static ConfigurationComparison[] Finish(IReadOnlyList<ConfigurationComparison> comparisons, Direction direction, double alpha)
    {
        double[] adjusted = HolmCorrection.Adjust([.. comparisons.Select(c => c.Test?.PValue ?? double.NaN)]);
        var finished = new ConfigurationComparison[comparisons.Count];
        for (int i = 0; i < comparisons.Count; i++)
        {
            ConfigurationComparison c = comparisons[i];
            if (c.Test is null)
            {
                finished[i] = c;
                continue;
            }

            bool significant = adjusted[i] <= alpha;
            finished[i] = c with { AdjustedPValue = adjusted[i], IsSignificant = significant, Verdict = Word(c, adjusted[i], significant, direction, alpha, comparisons.Count) };
        }

        return finished;
    }

    private static string Word(ConfigurationComparison c, double adjusted, bool significant, Direction direction, double alpha, int family)
    {
        bool better = direction == Direction.Maximize ? c.MeanDifference > 0 : c.MeanDifference < 0;
        string what = c.Data == ComparisonData.ItemScores ? $"{c.SampleSize} paired items" : $"{c.SampleSize} repeated scores";
        string test = c.Data == ComparisonData.ItemScores ? "Wilcoxon signed-rank" : "Mann–Whitney U";
        string interval = c.Interval is { } ci
            ? string.Create(CultureInfo.InvariantCulture, $" ({ci.Level * 100:0.##}% bootstrap interval {NumberText.Format(ci.Lower)} to {NumberText.Format(ci.Upper)})")
            : "";
        string holm = family > 1 ? string.Create(CultureInfo.InvariantCulture, $", Holm-adjusted over {family} comparisons {NumberText.Format(adjusted)}") : "";
        string evidence = string.Create(CultureInfo.InvariantCulture, $"on {what}: mean difference {c.MeanDifference:+0.####;-0.####;0}{interval}, {test} p = {NumberText.Format(c.Test!.PValue)}{holm}");
        return significant
            ? $"The best configuration is {(better ? "better" : "worse")} than the {c.Label} {evidence} ≤ α = {alpha.ToString(CultureInfo.InvariantCulture)}."
            : $"No significant difference from the {c.Label} {evidence} (α = {alpha.ToString(CultureInfo.InvariantCulture)}).";
    }
}
