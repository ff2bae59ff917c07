namespace Nomadic.Tuning;

/// <summary>A real-valued domain on [low, high], uniform on a linear or logarithmic scale, optionally quantized.</summary>
public sealed class FloatDomain : Domain
{
    internal FloatDomain(double low, double high, bool log, double? step)
    {
        Low = low;
        High = high;
        IsLog = log;
        Step = step;
        _logLow = log && low > 0 ? Math.Log(low) : double.NaN;
        _logRange = log && low > 0 ? Math.Log(high) - _logLow : double.NaN;
    }

    private readonly double _logLow;
    private readonly double _logRange;

    /// <summary>Gets the lower bound (inclusive).</summary>
    public double Low { get; }

    /// <summary>Gets the upper bound.</summary>
    public double High { get; }

    /// <summary>Gets a value indicating whether values are drawn uniformly in log space.</summary>
    public bool IsLog { get; }

    /// <summary>Gets the quantization step q: values are rounded to multiples of it; <see langword="null"/> when continuous.</summary>
    public double? Step { get; }

    /// <inheritdoc />
    public override string Kind => (Step is null ? "" : "q") + (IsLog ? "loguniform" : "uniform");

    /// <inheritdoc />
    public override bool IsEnumerable => Step is not null && !IsLog;

    /// <summary>Gets the number of values of a quantized linear domain, or <see langword="null"/> when it is continuous.</summary>
    public long? Count => Step is double q && !IsLog ? Math.Max(0, LastMultiple(q) - FirstMultiple(q) + 1) : null;

    /// <inheritdoc />
    public override object? FromUnit(double unit)
    {
        double u = Math.Clamp(unit, 0.0, 1.0);
        double value = IsLog
            ? Math.Exp(_logLow + (u * _logRange))
            : ((1.0 - u) * Low) + (u * High);
        return Quantize(Math.Clamp(value, Low, High));
    }

    /// <inheritdoc />
    public override IReadOnlyList<object?> Enumerate()
    {
        if (Step is not double q || IsLog)
        {
            throw new InvalidOperationException($"{this} is continuous and cannot be enumerated");
        }

        var values = new List<object?>();
        for (long k = FirstMultiple(q), last = LastMultiple(q); k <= last; k++)
        {
            values.Add(RoundToStep(k * q, q));
        }

        return values;
    }

    /// <inheritdoc />
    public override bool Contains(object? value)
    {
        if (!ParamValue.TryGetDouble(value, out double x) || !(x >= Low && x <= High))
        {
            return false;
        }

        return Step is not double q || Math.Abs(RoundToStep(Math.Round(x / q) * q, q) - x) <= 1e-12 * Math.Max(1.0, Math.Abs(x));
    }

    internal override string? Validate()
    {
        if (!double.IsFinite(Low) || !double.IsFinite(High))
        {
            return $"{Kind} bounds must be finite numbers, got low {Format(Low)} and high {Format(High)}";
        }

        if (Low >= High)
        {
            return $"{Kind} low ({Format(Low)}) must be less than high ({Format(High)})";
        }

        if (IsLog && Low <= 0)
        {
            return $"{Kind} bounds must be positive, got low {Format(Low)}";
        }

        if (Step is double q && (!double.IsFinite(q) || q <= 0))
        {
            return $"{Kind} step q must be a positive number, got {Format(q)}";
        }

        if (Step is double step && LastMultiple(step) < FirstMultiple(step))
        {
            return $"{Kind} has no multiple of q ({Format(step)}) between {Format(Low)} and {Format(High)}";
        }

        return null;
    }

    private double Quantize(double value)
    {
        if (Step is not double q)
        {
            return value;
        }

        long k = Math.Clamp((long)Math.Round(value / q), FirstMultiple(q), LastMultiple(q));
        return RoundToStep(k * q, q);
    }

    // Bounds divided by the step carry binary noise (0.3 / 0.1 = 2.9999999999999996): a bound within a billionth of a
    // step of a multiple counts as that multiple.
    private long FirstMultiple(double q) => (long)Math.Ceiling((Low / q) - 1e-9);

    private long LastMultiple(double q) => (long)Math.Floor((High / q) + 1e-9);

    // Multiples of a decimal step such as 0.1 carry binary noise too (3 * 0.1 = 0.30000000000000004); rounding to the
    // step's own decimal places gives the value the user wrote.
    private static double RoundToStep(double value, double step) => Math.Round(value, DecimalPlaces(step));

    private static int DecimalPlaces(double step)
    {
        string text = step.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        int exponent = text.IndexOf('E', StringComparison.Ordinal);
        string mantissa = exponent < 0 ? text : text[..exponent];
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        int places = (dot < 0 ? 0 : mantissa.Length - dot - 1) - (exponent < 0 ? 0 : int.Parse(text[(exponent + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        return Math.Clamp(places, 0, 15);
    }

    /// <inheritdoc />
    public override string ToString() => Step is double q
        ? $"{Kind}({Format(Low)}, {Format(High)}, {Format(q)})"
        : $"{Kind}({Format(Low)}, {Format(High)})";
}
