using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Computes <see cref="ParallelCoordinatesData"/>: each axis normalized to [0, 1] in its own scale.</summary>
internal static class ParallelCoordinatesBuilder
{
    private const int NumericTicks = 5;

    public static ParallelCoordinatesData Build(ExperimentResult result)
    {
        RunResult[] runs = [.. result.RunResults.Where(r => r.HasUsableScore)];
        int[] numbers = [.. Enumerable.Range(0, result.Count).Where(i => result.RunResults[i].HasUsableScore).Select(i => RunNumbers.Of(result, i))];
        var axes = new List<ParallelAxis>();
        var columns = new List<double[]>();

        double[] scores = [.. runs.Select(r => r.Score)];
        (double scoreLow, double scoreHigh) = Range(scores);
        axes.Add(new ParallelAxis("score", NumericTicksFor(scoreLow, scoreHigh, v => v)));
        columns.Add([.. scores.Select(s => Normalize(s, scoreLow, scoreHigh))]);

        foreach (ParameterAxis axis in ParameterAxes.All(result))
        {
            double[] positions = [.. runs.Select(r => ParameterAxes.Position(axis, r))];
            if (!axis.IsNumeric)
            {
                int last = Math.Max(axis.Categories.Count - 1, 1);
                axes.Add(new ParallelAxis(axis.Name, [.. axis.Categories.Select((label, i) => new AxisTick(axis.Categories.Count == 1 ? 0.5 : (double)i / last, label))]));
                columns.Add([.. positions.Select(p => axis.Categories.Count == 1 ? (double.IsNaN(p) ? p : 0.5) : p / last)]);
                continue;
            }

            double[] scaled = [.. positions.Select(p => double.IsNaN(p) ? p : ParameterAxes.Scaled(axis, p))];
            (double low, double high) = Range(scaled);
            axes.Add(new ParallelAxis(axis.Name, NumericTicksFor(low, high, v => ParameterAxes.Unscaled(axis, v))));
            columns.Add([.. scaled.Select(s => Normalize(s, low, high))]);
        }

        ParallelLine[] lines = [.. runs.Select((run, r) => new ParallelLine(numbers[r], run.Score, [.. columns.Select(c => c[r])]))];
        return new ParallelCoordinatesData(axes, lines, new PlotPoint(scoreLow, scoreHigh));
    }

    private static (double Low, double High) Range(double[] values)
    {
        double[] finite = [.. values.Where(double.IsFinite)];
        return finite.Length == 0 ? (0, 1) : (finite.Min(), finite.Max());
    }

    private static double Normalize(double value, double low, double high) =>
        double.IsNaN(value) ? double.NaN : high > low ? (value - low) / (high - low) : 0.5;

    private static AxisTick[] NumericTicksFor(double low, double high, Func<double, double> unscale) =>
        high > low
            ? [.. Enumerable.Range(0, NumericTicks).Select(i => new AxisTick((double)i / (NumericTicks - 1), ParameterValues.Number(unscale(low + ((high - low) * i / (NumericTicks - 1))))))]
            : [new AxisTick(0.5, ParameterValues.Number(unscale(low)))];
}
