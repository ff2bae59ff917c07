using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Computes <see cref="ParetoData"/> for two of an experiment's objectives (the score among them).</summary>
internal static class ParetoBuilder
{
    /// <exception cref="InvalidOperationException">The experiment has no objective besides the score.</exception>
    /// <exception cref="ArgumentException">An objective name is neither <c>score</c> nor one of the experiment's objectives.</exception>
    public static ParetoData Build(ExperimentResult result, string? x, string? y)
    {
        if (result.Objectives.Count == 0)
        {
            throw new InvalidOperationException("A Pareto front needs objectives besides the score (ExperimentResult.Objectives is empty).");
        }

        string xName = x ?? "score";
        string yName = y ?? (xName == "score" ? result.Objectives[0].Name : "score");
        Func<RunResult, double> xValue = Reader(result, xName, nameof(x), out Direction xDirection);
        Func<RunResult, double> yValue = Reader(result, yName, nameof(y), out Direction yDirection);
        var front = new HashSet<RunResult>(result.ParetoFront());
        var points = new List<ParetoPoint>();
        for (int i = 0; i < result.Count; i++)
        {
            RunResult run = result.RunResults[i];
            double px = xValue(run), py = yValue(run);
            if (run.HasUsableScore && double.IsFinite(px) && double.IsFinite(py))
            {
                points.Add(new ParetoPoint(RunNumbers.Of(result, i), px, py, front.Contains(run)));
            }
        }

        return new ParetoData(xName, xDirection, yName, yDirection, points);
    }

    private static Func<RunResult, double> Reader(ExperimentResult result, string name, string argument, out Direction direction)
    {
        if (name == "score")
        {
            direction = result.Direction;
            return r => r.Score;
        }

        ObjectiveMetric objective = result.Objectives.FirstOrDefault(o => o.Name == name)
            ?? throw new ArgumentException($"'{name}' is not an objective of the experiment (it has: score, {string.Join(", ", result.Objectives.Select(o => o.Name))}).", argument);
        direction = objective.Direction;
        return r => objective.TryGetValue(r, out double value) ? value : double.NaN;
    }
}
