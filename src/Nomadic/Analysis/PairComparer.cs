using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Analysis;

/// <summary>Compares two runs on per-item scores when both have them, else on repeated scores, else says why it cannot.</summary>
internal static class PairComparer
{
    // Read in reports and by `nomadic show`: in the words of the experiment file and of ExperimentOptions, not of the result types.
    private const string NoBaseline = "No baseline run to compare against: give the configuration in use today as the baseline, "
        + "\"current_params\" in an experiment file or ExperimentOptions.CurrentParams in C#; it runs first.";

    private const string SingleScores = "each run has a single score, and one score per run cannot be tested. "
        + "A score per item in each run (\"item_scores\", as the rag and llm objectives record) or several evaluations of each configuration "
        + "(\"repeats\" above 1 in an experiment file, ExperimentOptions.Repeats in C#) would make a test possible";

    public static ConfigurationComparison Compare(string label, RunResult best, RunResult? other, ComparisonOptions options)
    {
        if (other is null)
        {
            return Empty(label, best, other, label == "baseline"
                ? NoBaseline
                : $"Too little data: there is no {label} (not enough completed runs).");
        }

        if (ReferenceEquals(best, other))
        {
            return Empty(label, best, other, $"The {label} is the best run itself; there is nothing to compare.");
        }

        double[]? bestItems = MetadataNumbers.List(best.Metadata, MetadataNumbers.ItemScores);
        double[]? otherItems = MetadataNumbers.List(other.Metadata, MetadataNumbers.ItemScores);
        string? itemProblem = null;
        if (bestItems is not null && otherItems is not null)
        {
            if (bestItems.Length == otherItems.Length && bestItems.Length >= 2)
            {
                return Paired(label, best, other, bestItems, otherItems, options);
            }

            itemProblem = bestItems.Length != otherItems.Length
                ? $"the per-item scores differ in length ({bestItems.Length} and {otherItems.Length} items)"
                : $"each run has a score for only {bestItems.Length} item{(bestItems.Length == 1 ? "" : "s")}";
        }

        double[]? bestRepeats = MetadataNumbers.List(best.Metadata, MetadataNumbers.RepeatedScores);
        double[]? otherRepeats = MetadataNumbers.List(other.Metadata, MetadataNumbers.RepeatedScores);
        if (bestRepeats is { Length: >= 2 } && otherRepeats is { Length: >= 2 })
        {
            return new ConfigurationComparison
            {
                Label = label,
                Best = best,
                Other = other,
                Data = ComparisonData.RepeatedScores,
                SampleSize = bestRepeats.Length + otherRepeats.Length,
                MeanDifference = bestRepeats.Average() - otherRepeats.Average(),
                Test = MannWhitneyU.Test(bestRepeats, otherRepeats),
                Verdict = "",
            };
        }

        string reason = itemProblem
            ?? (bestRepeats is not null && otherRepeats is not null
                ? "fewer than 2 repeated scores in a run"
                : SingleScores);
        return Empty(label, best, other, $"Too little data: {reason}.");
    }

    private static ConfigurationComparison Paired(string label, RunResult best, RunResult other, double[] bestItems, double[] otherItems, ComparisonOptions options)
    {
        double[] differences = [.. bestItems.Select((b, i) => b - otherItems[i])];
        var comparison = new ConfigurationComparison
        {
            Label = label,
            Best = best,
            Other = other,
            Data = ComparisonData.ItemScores,
            SampleSize = differences.Length,
            MeanDifference = differences.Average(),
            Interval = BootstrapInterval.OfMean(differences, options.ConfidenceLevel, options.Resamples, options.Seed),
            Verdict = "",
        };
        if (differences.All(d => d == 0))
        {
            return comparison with
            {
                Verdict = string.Create(CultureInfo.InvariantCulture, $"No difference: the per-item scores are identical on all {differences.Length} items, so there is nothing to test."),
            };
        }

        return comparison with { Test = WilcoxonSignedRank.Test(differences) };
    }

    private static ConfigurationComparison Empty(string label, RunResult best, RunResult? other, string verdict) =>
        new() { Label = label, Best = best, Other = other, Verdict = verdict };
}
