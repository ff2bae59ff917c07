using Nomadic.Tuning;

namespace Nomadic.Analysis;

/// <summary>
/// One parameter as the forest sees it: a number on the domain's own scale (log for log domains, so the uniform
/// measure of fANOVA matches how values are drawn) or a category index.
/// </summary>
internal sealed class ImportanceFeature
{
    private ImportanceFeature(string name, Domain domain, int categories, double low, double high, bool log = false)
    {
        IsLog = log;
        Name = name;
        Domain = domain;
        Categories = categories;
        Low = low;
        High = high;
    }

    public string Name { get; }

    public Domain Domain { get; }

    /// <summary>Gets the number of categories of a choice parameter, 0 for a numeric one.</summary>
    public int Categories { get; }

    public bool IsCategorical => Categories > 0;

    /// <summary>Gets a value indicating whether values are encoded by their logarithm.</summary>
    public bool IsLog { get; }

    /// <summary>Gets the lower bound of a numeric parameter on its encoded scale.</summary>
    public double Low { get; }

    /// <summary>Gets the upper bound; integers get half a step either side so each value weighs the same.</summary>
    public double High { get; }

    /// <summary>Returns the feature of a domain, or null when the domain has a single value and so explains nothing.</summary>
    public static ImportanceFeature? Create(string name, Domain domain, bool logScale) => domain switch
    {
        ChoiceDomain c when c.Values.Count >= 2 => new(name, domain, c.Values.Count, 0, c.Values.Count),
        IntDomain i when i.Count >= 2 && i.IsLog && logScale => new(name, domain, 0, Math.Log(Math.Max(i.MinValue - 0.5, i.MinValue / 2.0)), Math.Log(i.MaxValue + 0.5), log: true),
        IntDomain i when i.Count >= 2 => new(name, domain, 0, i.MinValue - ((i.Step ?? 1) / 2.0), i.MaxValue + ((i.Step ?? 1) / 2.0)),
        FloatDomain f when f.Count is null or >= 2 => f.IsLog && logScale ? new(name, domain, 0, Math.Log(f.Low), Math.Log(f.High), log: true) : new(name, domain, 0, f.Low, f.High),
        _ => null,
    };

    /// <summary>Encodes a value: the category index or the clamped number on the encoded scale; NaN when missing or not of the domain's kind.</summary>
    public double Encode(IReadOnlyDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue(Name, out object? value))
        {
            return double.NaN;
        }

        if (Domain is ChoiceDomain choice)
        {
            object? normalized = ParamValue.Normalize(value);
            for (int i = 0; i < choice.Values.Count; i++)
            {
                if (ParamValue.AreEqual(choice.Values[i], normalized))
                {
                    return i;
                }
            }

            return double.NaN;
        }

        if (!ParamValue.TryGetDouble(value, out double x) || !double.IsFinite(x))
        {
            return double.NaN;
        }

        if (IsLog && x <= 0)
        {
            return double.NaN;
        }

        return Math.Clamp(IsLog ? Math.Log(x) : x, Low, High);
    }
}
