using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Median and quartiles of hypervolumes over seeds, with NumPy's default (linear interpolation) percentiles.</summary>
internal sealed record Spread(double Median, double Q25, double Q75, int Seeds)
{
    public static Spread Of(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return new Spread(Percentile(sorted, 50), Percentile(sorted, 25), Percentile(sorted, 75), sorted.Length);
    }

    public JsonObject ToJson() => new()
    {
        ["median"] = Json.Number(Median),
        ["q25"] = Json.Number(Q25),
        ["q75"] = Json.Number(Q75),
        ["n_seeds"] = Seeds,
    };

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double position = p / 100.0 * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
