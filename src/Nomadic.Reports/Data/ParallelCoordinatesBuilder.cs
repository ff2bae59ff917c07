using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>
/// Computes <see cref="ParallelCoordinatesData"/>: each axis normalized to [0, 1] in its own scale, runs that lack a
/// parameter at <see cref="ParallelCoordinatesData.AbsentPosition"/> below it.
/// </summary>
internal static class ParallelCoordinatesBuilder
{
    public static ParallelCoordinatesData Build(ExperimentResult result)
    {
        RunResult[] runs = [.. result.RunResults.Where(r => r.HasUsableScore)];
        int[] numbers = [.. Enumerable.Range(0, result.Count).Where(i => result.RunResults[i].HasUsableScore).Select(i => RunNumbers.Of(result, i))];
        var axes = new List<ParallelAxis>();
        var columns = new List<double[]>();

        double[] scores = [.. runs.Select(r => r.Score)];
        (double scoreLow, double scoreHigh) = Range(scores);
        axes.Add(new ParallelAxis("score", ParallelTicks.Evenly(scoreLow, scoreHigh, v => v)));
        columns.Add([.. scores.Select(s => Normalize(s, scoreLow, scoreHigh))]);

        foreach (ParameterAxis axis in ParameterAxes.All(result))
        {
            double[] positions = [.. runs.Select(r => ParameterAxes.Position(axis, r))];
            (ParallelAxis parallel, double[] column) = axis.IsNumeric ? Numeric(axis, positions) : Categorical(axis, positions);
            bool anyAbsent = column.Any(double.IsNaN);
            axes.Add(anyAbsent ? parallel with { AbsentPosition = ParallelCoordinatesData.AbsentPosition } : parallel);
            columns.Add([.. column.Select(p => double.IsNaN(p) ? ParallelCoordinatesData.AbsentPosition : p)]);
        }

        ParallelLine[] lines = [.. runs.Select((run, r) => new ParallelLine(numbers[r], run.Score, [.. columns.Select(c => c[r])]))];
        return new ParallelCoordinatesData(axes, lines, new PlotPoint(scoreLow, scoreHigh));
    }

    private static (ParallelAxis Axis, double[] Column) Categorical(ParameterAxis axis, double[] positions)
    {
        int count = axis.Categories.Count, last = Math.Max(count - 1, 1);
        AxisTick[] ticks = [.. axis.Categories.Select((label, i) => new AxisTick(count == 1 ? 0.5 : (double)i / last, label))];
        return (new ParallelAxis(axis.Name, ticks), [.. positions.Select(p => double.IsNaN(p) ? p : count == 1 ? 0.5 : p / last)]);
    }

    private static (ParallelAxis Axis, double[] Column) Numeric(ParameterAxis axis, double[] positions)
    {
        double[] scaled = [.. positions.Select(p => double.IsNaN(p) ? p : ParameterAxes.Scaled(axis, p))];
        (double low, double high) = Range(scaled);
        AxisTick[] ticks = axis.IsInteger ? ParallelTicks.Whole(axis, low, high) : ParallelTicks.Evenly(low, high, v => ParameterAxes.Unscaled(axis, v));
        return (new ParallelAxis(axis.Name, ticks), [.. scaled.Select(s => Normalize(s, low, high))]);
    }

    private static (double Low, double High) Range(double[] values)
    {
        double[] finite = [.. values.Where(double.IsFinite)];
        return finite.Length == 0 ? (0, 1) : (finite.Min(), finite.Max());
    }

    private static double Normalize(double value, double low, double high) =>
        double.IsNaN(value) ? double.NaN : high > low ? (value - low) / (high - low) : 0.5;
}
