using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Computes <see cref="HistoryData"/>.</summary>
internal static class HistoryBuilder
{
    public static HistoryData Build(ExperimentResult result)
    {
        var points = new List<HistoryPoint>();
        double best = double.NaN;
        for (int i = 0; i < result.Count; i++)
        {
            RunResult run = result.RunResults[i];
            if (!double.IsFinite(run.Score))
            {
                continue;
            }

            if (run.HasUsableScore && (double.IsNaN(best) || IsBetter(run.Score, best, result.Direction)))
            {
                best = run.Score;
            }

            points.Add(new HistoryPoint(RunNumbers.Of(result, i), run.Score, best, run.Status, run.IsBaseline));
        }

        return new HistoryData(result.Direction, points);
    }

    private static bool IsBetter(double score, double best, Direction direction) =>
        direction == Direction.Maximize ? score > best : score < best;
}
