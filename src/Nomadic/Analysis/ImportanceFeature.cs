using Nomadic.Tuning;
using Nomadic.Tuning.Encoders;

namespace Nomadic.Analysis;

/// <summary>
/// One parameter as the forest sees it: a number on the domain's <see cref="NumericAxis"/> (log for log domains, so the
/// uniform measure of fANOVA matches how values are drawn) or a category index.
/// </summary>
internal sealed class ImportanceFeature
{
    private readonly NumericAxis? _axis;
    private readonly CategoricalCoder? _categories;

    private ImportanceFeature(string name, Domain domain, NumericAxis axis)
    {
        Name = name;
        Domain = domain;
        _axis = axis;
        Low = axis.CellLow;
        High = axis.CellHigh;
    }

    private ImportanceFeature(string name, ChoiceDomain domain)
    {
        Name = name;
        Domain = domain;
        _categories = new CategoricalCoder(domain);
        Categories = domain.Values.Count;
        High = Categories;
    }

    public string Name { get; }

    public Domain Domain { get; }

    /// <summary>Gets the number of categories of a choice parameter, 0 for a numeric one.</summary>
    public int Categories { get; }

    public bool IsCategorical => Categories > 0;

    /// <summary>Gets a value indicating whether values are encoded by their logarithm.</summary>
    public bool IsLog => _axis?.IsLog ?? false;

    /// <summary>Gets the lower bound of a numeric parameter on its encoded scale.</summary>
    public double Low { get; }

    /// <summary>Gets the upper bound; discrete values get half a step either side so each value weighs the same.</summary>
    public double High { get; }

    /// <summary>Returns the feature of a domain, or null when the domain has a single value and so explains nothing.</summary>
    public static ImportanceFeature? Create(string name, Domain domain, bool logScale) => domain switch
    {
        ChoiceDomain c when c.Values.Count >= 2 => new(name, c),
        IntDomain { Count: >= 2 } or FloatDomain { Count: null or >= 2 } => new(name, domain, NumericAxis.For(domain, logScale)!),
        _ => null,
    };

    /// <summary>Encodes a value: the category index or the clamped number on the encoded scale; NaN when missing or not of the domain's kind.</summary>
    public double Encode(IReadOnlyDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue(Name, out object? value))
        {
            return double.NaN;
        }

        if (_categories is not null)
        {
            return _categories.TryEncode(value, out double index) ? index : double.NaN;
        }

        if (!ParamValue.TryGetDouble(value, out double x) || !double.IsFinite(x))
        {
            return double.NaN;
        }

        if (IsLog && x <= 0)
        {
            return double.NaN;
        }

        return Math.Clamp(_axis!.Transform(x), Low, High);
    }
}
