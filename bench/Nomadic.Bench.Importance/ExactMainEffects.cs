using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>
/// The main effects of a function itself, the quantities fANOVA estimates from a forest of runs: for each parameter, the
/// variance over its values of the function averaged over all other parameters, among the configurations where the
/// parameter exists, times the share of those configurations, over the total variance. The measure is uniform on each
/// parameter's scale (log or linear for log domains), integers and categories equally likely; the average over the
/// other parameters is a Monte Carlo mean over the same draws for every value, so the draws' noise mostly cancels.
/// </summary>
internal static class ExactMainEffects
{
    private const int FloatPoints = 48;

    /// <summary>Returns each varying parameter's main-effect fraction of the function's total variance.</summary>
    public static Dictionary<string, double> Compute(ImportanceFunction function, bool logScale, int draws, int seed)
    {
        SearchSpace space = function.CreateSpace();
        var grids = space.Names.ToDictionary(n => n, n => Grid(space[n], logScale), StringComparer.Ordinal);
        var random = new Random(seed);
        List<Dictionary<string, object?>> configurations = [.. Enumerable.Range(0, draws)
            .Select(_ => space.Names.ToDictionary(n => n, n => Draw(space[n], grids[n], logScale, random), StringComparer.Ordinal))];
        double total = Variance([.. configurations.Select(c => function.Evaluate(space.Activate(c)))], null);
        var effects = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string name in space.Names.Where(n => grids[n].Length >= 2))
        {
            List<Dictionary<string, object?>> present = [.. configurations.Where(c => space.Activate(c).ContainsKey(name))];
            double[] means = [.. grids[name].Select(point => present.Count == 0 ? 0 : present.Average(c =>
            {
                var changed = new Dictionary<string, object?>(c, StringComparer.Ordinal) { [name] = point.Value };
                return function.Evaluate(space.Activate(changed));
            }))];
            double share = present.Count / (double)draws;
            effects[name] = total > 0 ? share * Variance(means, [.. grids[name].Select(p => p.Weight)]) / total : 0;
        }

        return effects;
    }

    /// <summary>The values a parameter's marginal is evaluated at, each with its share of the measure.</summary>
    private static (object? Value, double Weight)[] Grid(Domain domain, bool logScale) => domain switch
    {
        ChoiceDomain c => [.. c.Values.Select(v => (v, 1.0 / c.Values.Count))],
        IntDomain i => IntGrid(i, logScale && i.IsLog),
        FloatDomain f => [.. Enumerable.Range(0, FloatPoints).Select(k => ((object?)FromScale(f, (k + 0.5) / FloatPoints, logScale), 1.0 / FloatPoints))],
        _ => throw new NotSupportedException($"{domain} is not measured."),
    };

    // Each integer owns half a step either side, on the log scale for log domains (as the library's encoding).
    private static (object? Value, double Weight)[] IntGrid(IntDomain domain, bool log)
    {
        int step = domain.Step ?? 1;
        int[] values = [.. Enumerable.Range(0, (int)domain.Count).Select(k => domain.MinValue + (k * step))];
        double Edge(double x) => log ? Math.Log(Math.Max(x, domain.MinValue / 2.0)) : x;
        double[] widths = [.. values.Select(v => Edge(v + (step / 2.0)) - Edge(v - (step / 2.0)))];
        return [.. values.Select((v, k) => ((object?)v, widths[k] / widths.Sum()))];
    }

    private static object? Draw(Domain domain, (object? Value, double Weight)[] grid, bool logScale, Random random)
    {
        if (domain is FloatDomain f)
        {
            return FromScale(f, random.NextDouble(), logScale);
        }

        double u = random.NextDouble(), cumulative = 0;
        foreach ((object? value, double weight) in grid)
        {
            cumulative += weight;
            if (u < cumulative)
            {
                return value;
            }
        }

        return grid[^1].Value;
    }

    private static double FromScale(FloatDomain domain, double unit, bool logScale) => domain.IsLog && logScale
        ? Math.Exp(Math.Log(domain.Low) + (unit * (Math.Log(domain.High) - Math.Log(domain.Low))))
        : domain.Low + (unit * (domain.High - domain.Low));

    private static double Variance(double[] values, double[]? weights)
    {
        weights ??= [.. values.Select(_ => 1.0 / values.Length)];
        double mean = values.Zip(weights, (v, w) => v * w).Sum() / weights.Sum();
        return values.Zip(weights, (v, w) => w * (v - mean) * (v - mean)).Sum() / weights.Sum();
    }
}
