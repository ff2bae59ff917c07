using Nomadic.Analysis;
using Nomadic.Results;

namespace Nomadic.Cli.Output;

/// <summary>Writes what a person wants to know about a result: the runs table, the best configuration and the summary line.</summary>
internal static class ResultReport
{
    private static readonly HashSet<int> NoNumbers = [];

    /// <summary>Writes the best completed runs, with the baseline added at the end when it is not among them.</summary>
    public static void TopRuns(OutputWriter output, ResultStats stats, int top)
    {
        List<RunResult> rows = stats.Ranked.Take(top).ToList();
        if (stats.Result.BaselineIndex >= 0 && stats.Result.RunResults[stats.Result.BaselineIndex] is { } baseline && !rows.Contains(baseline))
        {
            rows.Add(baseline);
        }

        if (rows.Count == 0)
        {
            output.Line(NoneCompleted(stats) + ".");
            return;
        }

        // With no completed run, only the baseline is listed.
        string title = stats.Ranked.Count == 0
            ? NoneCompleted(stats)
            : $"Top {Math.Min(top, stats.Ranked.Count)} of {DisplayText.Runs(stats.Count)} ({Direction(stats)})";
        string[] headers = ["rank", "run", "score", "note", "params"];
        output.Table(new TableData(title, headers, rows.Select(r => Row(stats, r, withStatus: false)).ToList(), new HashSet<int> { 0, 1, 2 }));
    }

    /// <summary>Writes every run, or the first <paramref name="top"/>: ranked completed runs first, then the others in run order.</summary>
    public static void AllRuns(OutputWriter output, ResultStats stats, int top)
    {
        IEnumerable<RunResult> ordered = stats.Ranked.Concat(stats.Result.RunResults.Where(r => !r.HasUsableScore));
        List<RunResult> rows = (top > 0 ? ordered.Take(top) : ordered).ToList();
        if (stats.Count == 0)
        {
            output.Line($"Runs of {stats.Result.Name ?? "the experiment"} ({Direction(stats)}): none yet");
            return;
        }

        string title = rows.Count < stats.Count
            ? $"Runs of {stats.Result.Name ?? "the experiment"} ({Direction(stats)}): {rows.Count} of {stats.Count}, best first"
            : $"Runs of {stats.Result.Name ?? "the experiment"} ({Direction(stats)}): {stats.Count}, best first";
        string[] headers = ["rank", "run", "score", "note", "status", "params", "error"];
        List<IReadOnlyList<string>> cells = rows.Select(r => (IReadOnlyList<string>)Row(stats, r, withStatus: true)).ToList();
        if (cells.All(c => c[^1].Length == 0))
        {
            // No run listed has an error: an empty last column would only widen the table.
            headers = headers[..^1];
            cells = cells.Select(c => (IReadOnlyList<string>)c.Take(c.Count - 1).ToList()).ToList();
        }

        output.Table(new TableData(title, headers, cells, new HashSet<int> { 0, 1, 2 }));
    }

    public static void Best(OutputWriter output, ResultStats stats)
    {
        if (stats.Best is not RunResult best)
        {
            output.Line("Best run: none (no run completed with a finite score)");
            return;
        }

        output.Line($"Best run: run {best.TrialNumber}, score {DisplayText.Score(best.Score)}{(best.IsBaseline ? " (the baseline)" : "")}");
        output.Table(new TableData("Best configuration", ["param", "value"], best.Params.Select(p => (IReadOnlyList<string>)[p.Key, DisplayText.Value(p.Value)]).ToList(), NoNumbers));
        if (stats.Result.BaselineIndex >= 0 && !best.IsBaseline)
        {
            // Paired on per-item scores, or on repeated evaluations, when the runs carry them; otherwise it says so.
            output.Line("Best vs baseline: " + DisplayText.AfterColon(stats.Result.CompareBestToBaseline().Verdict));
        }
    }

    public static void Summary(OutputWriter output, ResultStats stats)
    {
        string counts = $"{DisplayText.Runs(stats.Count)}: {stats.Completed} completed, {stats.Failed} failed" + (stats.Pruned > 0 ? $", {stats.Pruned} pruned" : "");
        string scores = stats.Best is RunResult best ? $"; best score {DisplayText.Score(best.Score)}, median {DisplayText.Score(stats.Median)}" : "";
        output.Line(counts + scores);
        if (stats.Result.RunResults.FirstOrDefault(r => r.Status == RunStatus.Failed) is RunResult failed)
        {
            output.Line($"First failure (run {failed.TrialNumber}): {DisplayText.Shorten(failed.Error, 300)}");
        }
    }

    private static List<string> Row(ResultStats stats, RunResult run, bool withStatus)
    {
        int rank = stats.RankOf(run);
        var notes = new List<string>();
        if (rank == 1)
        {
            notes.Add("best");
        }

        if (run.IsBaseline)
        {
            notes.Add("baseline");
        }

        List<string> row = [rank > 0 ? rank.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-", run.TrialNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), DisplayText.Score(run.Score), string.Join(", ", notes)];
        if (withStatus)
        {
            row.Add(DisplayText.Status(run.Status));
        }

        row.Add(DisplayText.Params(run.Params));
        if (withStatus)
        {
            row.Add(DisplayText.Shorten(run.Error, 100));
        }

        return row;
    }

    private static string NoneCompleted(ResultStats stats) => stats.Count == 0 ? "No runs"
        : stats.Failed == stats.Count ? $"No completed runs: all {stats.Count} failed"
        : $"No completed runs: {stats.Count} runs, {stats.Failed} failed, {stats.Pruned} pruned";

    private static string Direction(ResultStats stats) => stats.Result.Direction == Results.Direction.Maximize ? "maximize" : "minimize";
}
