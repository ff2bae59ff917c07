using Nomadic.Analysis;

namespace Nomadic.Reports;

/// <summary>
/// Words the comparisons of the best configuration as statistics rows, saying a reason shared by several untested
/// comparisons once (single scores leave the baseline and every runner-up untested for the same reason).
/// </summary>
internal static class ComparisonRows
{
    private const string RunnerUp = "runner-up ";

    public static IEnumerable<ReportStatistic> Of(IReadOnlyList<ConfigurationComparison> comparisons)
    {
        var untested = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<(ConfigurationComparison Comparison, List<string>? Labels)>();
        foreach (ConfigurationComparison comparison in comparisons)
        {
            if (comparison.Test is not null)
            {
                order.Add((comparison, null));
            }
            else if (untested.TryGetValue(comparison.Verdict, out List<string>? labels))
            {
                labels.Add(comparison.Label);
            }
            else
            {
                labels = [comparison.Label];
                untested.Add(comparison.Verdict, labels);
                order.Add((comparison, labels));
            }
        }

        return order.Select(row => new ReportStatistic("Best vs " + (row.Labels is null ? row.Comparison.Label : Join(row.Labels)), row.Comparison.Verdict));
    }

    private static string Join(List<string> labels)
    {
        string[] numbers = [.. labels.Where(l => l.StartsWith(RunnerUp, StringComparison.Ordinal)).Select(l => l[RunnerUp.Length..])];
        var parts = labels.Where(l => !l.StartsWith(RunnerUp, StringComparison.Ordinal)).ToList();
        if (numbers.Length == 1)
        {
            parts.Add(RunnerUp + numbers[0]);
        }
        else if (numbers.Length > 1)
        {
            parts.Add("runners-up " + And(numbers[..^1], numbers[^1], ", "));
        }

        return And(parts.ToArray()[..^1], parts[^1], ", ");
    }

    private static string And(string[] first, string last, string separator) =>
        first.Length == 0 ? last : string.Join(separator, first) + " and " + last;
}
