using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>
/// Computes <see cref="ContourData"/> by Gaussian kernel regression (Nadaraya–Watson) on the axes normalized to [0, 1]:
/// smoother than inverse distance weighting, which draws a bull's-eye around every run.
/// </summary>
internal static class ContourBuilder
{
    private const int GridSize = 48;
    private const double Bandwidth = 0.12;

    /// <exception cref="ArgumentException">A parameter is unknown or not numeric.</exception>
    public static ContourData Build(ExperimentResult result, string x, string y)
    {
        ParameterAxis xAxis = Numeric(result, x, nameof(x)), yAxis = Numeric(result, y, nameof(y));
        var observed = new List<(double X, double Y, double Score)>();
        foreach (RunResult run in result.RunResults.Where(r => r.HasUsableScore))
        {
            double px = ParameterAxes.Position(xAxis, run), py = ParameterAxes.Position(yAxis, run);
            if (!double.IsNaN(px) && !double.IsNaN(py))
            {
                observed.Add((ParameterAxes.Scaled(xAxis, px), ParameterAxes.Scaled(yAxis, py), run.Score));
            }
        }

        (double xLow, double xHigh) = Range(observed.Select(o => o.X));
        (double yLow, double yHigh) = Range(observed.Select(o => o.Y));
        double[] xs = Steps(xLow, xHigh), ys = Steps(yLow, yHigh);
        var scores = new double[GridSize, GridSize];
        for (int row = 0; row < GridSize; row++)
        {
            for (int column = 0; column < GridSize; column++)
            {
                scores[row, column] = Interpolate(observed, (xs[column] - xLow) / (xHigh - xLow), (ys[row] - yLow) / (yHigh - yLow), xLow, xHigh - xLow, yLow, yHigh - yLow);
            }
        }

        return new ContourData(
            xAxis,
            yAxis,
            [.. xs.Select(v => ParameterAxes.Unscaled(xAxis, v))],
            [.. ys.Select(v => ParameterAxes.Unscaled(yAxis, v))],
            new ValueGrid(scores),
            [.. observed.Select(o => new PlotPoint(ParameterAxes.Unscaled(xAxis, o.X), ParameterAxes.Unscaled(yAxis, o.Y)))]);
    }

    private static ParameterAxis Numeric(ExperimentResult result, string name, string argument)
    {
        ParameterAxis axis = ParameterAxes.For(result, name);
        return axis.IsNumeric ? axis : throw new ArgumentException($"A contour plot needs numeric parameters; '{name}' is categorical.", argument);
    }

    private static double Interpolate(List<(double X, double Y, double Score)> observed, double u, double v, double xLow, double xSpan, double yLow, double ySpan)
    {
        if (observed.Count == 0)
        {
            return double.NaN;
        }

        double weights = 0, sum = 0;
        foreach ((double ox, double oy, double score) in observed)
        {
            double du = ((ox - xLow) / xSpan) - u, dv = ((oy - yLow) / ySpan) - v;
            double distance2 = (du * du) + (dv * dv);
            double weight = Math.Exp(-distance2 / (2 * Bandwidth * Bandwidth)) + 1e-300;
            weights += weight;
            sum += weight * score;
        }

        return sum / weights;
    }

    private static (double Low, double High) Range(IEnumerable<double> values)
    {
        double[] all = [.. values];
        if (all.Length == 0)
        {
            return (0, 1);
        }

        double low = all.Min(), high = all.Max();
        return high > low ? (low, high) : (low - 0.5, high + 0.5);
    }

    private static double[] Steps(double low, double high) =>
        [.. Enumerable.Range(0, GridSize).Select(i => low + ((high - low) * i / (GridSize - 1)))];
}
