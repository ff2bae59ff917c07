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
    }

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

    /// <inheritdoc />
    public override object? FromUnit(double unit)
    {
        double u = Math.Clamp(unit, 0.0, 1.0);
        double value = IsLog
            ? Math.Exp(Math.Log(Low) + (u * (Math.Log(High) - Math.Log(Low))))
            : Low + (u * (High - Low));
        return Quantize(value);
    }

    /// <inheritdoc />
    public override IReadOnlyList<object?> Enumerate()
    {
        if (Step is not double q || IsLog)
        {
            throw new InvalidOperationException($"{this} is continuous and cannot be enumerated");
        }

        long first = (long)Math.Ceiling(Low / q);
        long last = (long)Math.Floor(High / q);
        var values = new List<object?>();
        for (long k = first; k <= last; k++)
        {
            values.Add(RoundToStep(k * q, q));
        }

        return values;
    }

    /// <inheritdoc />
    public override bool Contains(object? value)
    {
        if (!ParamValue.TryGetDouble(value, out double x) || x < Low || x > High)
        {
            return false;
        }

        return Step is not double q || Math.Abs(RoundToStep(Math.Round(x / q) * q, q) - x) <= 1e-9 * Math.Max(1.0, Math.Abs(x));
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

        if (Step is double step && Math.Floor(High / step) < Math.Ceiling(Low / step))
        {
            return $"{Kind} has no multiple of q ({Format(step)}) between {Format(Low)} and {Format(High)}";
        }

        return null;
    }

    private double Quantize(double value)
    {
        if (Step is not double q)
        {
            return Math.Min(value, High);
        }

        double rounded = RoundToStep(Math.Round(value / q) * q, q);
        if (rounded < Low)
        {
            rounded = RoundToStep(Math.Ceiling(Low / q) * q, q);
        }
        else if (rounded > High)
        {
            rounded = RoundToStep(Math.Floor(High / q) * q, q);
        }

        return rounded;
    }

    // Multiples of a decimal step such as 0.1 carry binary noise (3 * 0.1 = 0.30000000000000004);
    // rounding to the step's own decimal places gives the value the user wrote.
    private static double RoundToStep(double value, double step)
    {
        int decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(step)) + 1, 0, 15);
        return Math.Round(value, decimals);
    }

    /// <inheritdoc />
    public override string ToString() => Step is double q
        ? $"{Kind}({Format(Low)}, {Format(High)}, {Format(q)})"
        : $"{Kind}({Format(Low)}, {Format(High)})";
}
