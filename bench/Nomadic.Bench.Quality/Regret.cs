using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Median and quartiles of regrets over seeds, with NumPy's default (linear interpolation) percentiles.</summary>
internal sealed record Regret(double Median, double Q25, double Q75, int Seeds)
{
    public static Regret Of(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return new Regret(Percentile(sorted, 50), Percentile(sorted, 25), Percentile(sorted, 75), sorted.Length);
    }

    /// <summary>NumPy's <c>percentile(a, p)</c> with the default <c>method="linear"</c>, on sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
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

    public override string ToString() => $"{Fmt.G(Median)} [{Fmt.G(Q25)}, {Fmt.G(Q75)}]";

    public JsonObject ToJson() => new()
    {
        ["median"] = Json.Number(Median),
        ["q25"] = Json.Number(Q25),
        ["q75"] = Json.Number(Q75),
        ["iqr"] = Json.Number(Q75 - Q25),
        ["n_seeds"] = Seeds,
    };
}
