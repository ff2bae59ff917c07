namespace Nomadic.Reports.Data;

/// <summary>The labelled ticks of a numeric parallel-coordinates axis, placed on its [0, 1] span.</summary>
internal static class ParallelTicks
{
    private const int Count = 5;

    /// <summary>Five evenly spaced ticks between <paramref name="low"/> and <paramref name="high"/> (in the axis' own scale).</summary>
    public static AxisTick[] Evenly(double low, double high, Func<double, double> unscale) =>
        high > low
            ? [.. Enumerable.Range(0, Count).Select(i => new AxisTick((double)i / (Count - 1), ParameterValues.Number(unscale(low + ((high - low) * i / (Count - 1))))))]
            : [new AxisTick(0.5, ParameterValues.Number(unscale(low)))];

    /// <summary>
    /// Ticks at whole numbers only, for an integer parameter: multiples of a round step (1, 2, 5, 10, ...) on a linear
    /// axis, 1, 2 and 5 times powers of ten (only the powers when those are too many) on a log axis.
    /// </summary>
    public static AxisTick[] Whole(ParameterAxis axis, double low, double high)
    {
        if (!(high > low))
        {
            return [new AxisTick(0.5, ParameterValues.Number(Math.Round(ParameterAxes.Unscaled(axis, low))))];
        }

        IEnumerable<double> values = axis.Scale == ParameterScale.Log
            ? LogSteps(ParameterAxes.Unscaled(axis, low), ParameterAxes.Unscaled(axis, high))
            : Multiples(low, high, RoundStep((high - low) / (Count - 1)));
        double[] whole = [.. values.Distinct()];
        if (whole.Length == 0)
        {
            whole = [Math.Round(ParameterAxes.Unscaled(axis, low)), Math.Round(ParameterAxes.Unscaled(axis, high))];
        }

        return [.. whole.Distinct()
            .Select(v => (Value: v, Position: (ParameterAxes.Scaled(axis, v) - low) / (high - low)))
            .Where(t => t.Position is >= -1e-9 and <= 1 + 1e-9)
            .Select(t => new AxisTick(Math.Clamp(t.Position, 0, 1), ParameterValues.Number(t.Value)))];
    }

    private static IEnumerable<double> Multiples(double low, double high, double step)
    {
        for (double v = Math.Ceiling(low / step) * step; v <= high; v += step)
        {
            yield return v;
        }
    }

    private static IEnumerable<double> LogSteps(double low, double high)
    {
        double[] decades = [.. Enumerable.Range(0, 10).Select(k => Math.Pow(10, k)).Where(d => d <= high)];
        double[] steps = [.. decades.SelectMany(d => new[] { d, 2 * d, 5 * d }).Where(v => v >= low && v <= high)];
        return steps.Length <= Count + 1 ? steps : decades.Where(d => d >= low);
    }

    // The smallest of 1, 2, 5, 10, 20, 50, ... at least as large as the wanted step.
    private static double RoundStep(double wanted)
    {
        double step = 1;
        while (step < wanted)
        {
            double decade = step;
            step = decade * 2 >= wanted ? decade * 2 : decade * 5 >= wanted ? decade * 5 : decade * 10;
        }

        return step;
    }
}
