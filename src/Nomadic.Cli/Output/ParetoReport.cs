using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Cli.Output;

/// <summary>Writes the Pareto front of a result with extra objectives: its size, then its runs with each objective's value.</summary>
internal static class ParetoReport
{
    private const int MaxRows = 20;

    /// <summary>Writes the front; nothing when the result has no extra objectives.</summary>
    /// <returns><see langword="true"/> when something was written.</returns>
    public static bool Front(OutputWriter output, ExperimentResult result)
    {
        if (result.Objectives.Count == 0)
        {
            return false;
        }

        IReadOnlyList<RunResult> front = result.ParetoFront();
        string objectives = $"score ({(result.Direction == Direction.Maximize ? "maximize" : "minimize")}), {string.Join(", ", result.Objectives)}";
        if (front.Count == 0)
        {
            output.Line($"Pareto front: empty, no run completed with a value for every objective ({objectives})");
            return true;
        }

        string shown = front.Count > MaxRows ? $", first {MaxRows} shown" : "";
        string title = $"Pareto front: {front.Count} of {DisplayText.Runs(result.Count)} ({objectives}){shown}";
        string[] headers = ["run", "score", .. result.Objectives.Select(o => o.Name), "params"];
        var rows = front.Take(MaxRows).Select(run => (IReadOnlyList<string>)
        [
            run.TrialNumber.ToString(CultureInfo.InvariantCulture),
            DisplayText.Score(run.Score),
            .. result.Objectives.Select(o => DisplayText.Value(run.Metadata.GetValueOrDefault(o.Name))),
            DisplayText.Params(run.Params),
        ]).ToList();
        output.Table(new TableData(title, headers, rows, Enumerable.Range(0, result.Objectives.Count + 2).ToHashSet()));
        return true;
    }
}
