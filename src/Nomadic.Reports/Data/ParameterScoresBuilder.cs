using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Computes <see cref="ParameterScoresData"/>.</summary>
internal static class ParameterScoresBuilder
{
    public static ParameterScoresData Build(ExperimentResult result, string parameter)
    {
        ParameterAxis axis = ParameterAxes.For(result, parameter);
        var points = new List<ParameterPoint>();
        for (int i = 0; i < result.Count; i++)
        {
            RunResult run = result.RunResults[i];
            double position = ParameterAxes.Position(axis, run);
            if (run.HasUsableScore && !double.IsNaN(position))
            {
                points.Add(new ParameterPoint(position, run.Score, RunNumbers.Of(result, i), run.IsBaseline));
            }
        }

        CategoryScores[] categories = axis.IsNumeric
            ? []
            : [.. axis.Categories.Select((label, index) => Category(label, points.Where(p => (int)p.Value == index).Select(p => p.Score).ToArray()))];
        return new ParameterScoresData(axis, points, categories);
    }

    private static CategoryScores Category(string label, double[] scores) => new(label, scores, Statistics.Box(scores));
}
