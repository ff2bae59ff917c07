namespace Nomadic.Tuning;

/// <summary>An integer domain, uniform on a linear or logarithmic scale, optionally restricted to multiples of a step.</summary>
/// <remarks>
/// Bounds follow Ray Tune and nomadic: <see cref="Tune.RandInt"/> and <see cref="Tune.LogRandInt"/> exclude the upper
/// bound, the quantized <see cref="Tune.QRandInt"/> and <see cref="Tune.QLogRandInt"/> include it.
/// </remarks>
public sealed class IntDomain : Domain
{
    internal IntDomain(int low, int high, bool log, int? step)
    {
        Low = low;
        High = high;
        IsLog = log;
        Step = step;
    }

    /// <summary>Gets the lower bound (inclusive).</summary>
    public int Low { get; }

    /// <summary>Gets the upper bound as given: exclusive without a step, inclusive with one.</summary>
    public int High { get; }

    /// <summary>Gets a value indicating whether values are drawn uniformly in log space.</summary>
    public bool IsLog { get; }

    /// <summary>Gets the step q: values are multiples of it; <see langword="null"/> for every integer.</summary>
    public int? Step { get; }

    /// <summary>Gets the largest value the domain can produce.</summary>
    public int MaxValue => Step is int q ? FloorDiv(High, q) * q : High - 1;

    /// <summary>Gets the smallest value the domain can produce.</summary>
    public int MinValue => Step is int q ? CeilDiv(Low, q) * q : Low;

    /// <inheritdoc />
    public override string Kind => (Step is null ? "" : "q") + (IsLog ? "lograndint" : "randint");

    /// <inheritdoc />
    public override bool IsEnumerable => true;

    /// <summary>Gets the number of values of the domain.</summary>
    public long Count => Step is int q ? ((MaxValue - (long)MinValue) / q) + 1 : (long)High - Low;

    /// <inheritdoc />
    public override object? FromUnit(double unit)
    {
        double u = Math.Clamp(unit, 0.0, 1.0);
        if (!IsLog)
        {
            long index = Math.Min((long)(u * Count), Count - 1);
            return (int)(MinValue + (index * (Step ?? 1)));
        }

        // Log scale: draw a real number between the bounds in log space, then snap to the integer grid.
        double upper = Step is null ? High : MaxValue + 0.5;
        double x = Math.Exp(Math.Log(Low) + (u * (Math.Log(upper) - Math.Log(Low))));
        long value = Step is int q ? (long)Math.Round(x / q) * q : (long)Math.Floor(x);
        return (int)Math.Clamp(value, MinValue, MaxValue);
    }

    /// <inheritdoc />
    public override IReadOnlyList<object?> Enumerate()
    {
        var values = new List<object?>((int)Math.Min(Count, 1 << 20));
        int q = Step ?? 1;
        for (long v = MinValue; v <= MaxValue; v += q)
        {
            values.Add((int)v);
        }

        return values;
    }

    /// <inheritdoc />
    public override bool Contains(object? value)
    {
        if (!ParamValue.TryGetDouble(value, out double x) || x != Math.Floor(x) || x < MinValue || x > MaxValue)
        {
            return false;
        }

        return Step is not int q || (long)x % q == 0;
    }

    internal override string? Validate()
    {
        if (Step is int q && q <= 0)
        {
            return $"{Kind} step q must be a positive integer, got {q}";
        }

        if (Step is null ? Low >= High : Low > High)
        {
            return Step is null
                ? $"{Kind} low ({Low}) must be less than high ({High}); high is exclusive"
                : $"{Kind} low ({Low}) must not exceed high ({High})";
        }

        if (IsLog && Low <= 0)
        {
            return $"{Kind} bounds must be positive, got low {Low}";
        }

        if (Step is int step && MinValue > MaxValue)
        {
            return $"{Kind} has no multiple of q ({step}) between {Low} and {High}";
        }

        return null;
    }

    private static int FloorDiv(int a, int b) => (int)Math.Floor(a / (double)b);

    private static int CeilDiv(int a, int b) => (int)Math.Ceiling(a / (double)b);

    /// <inheritdoc />
    public override string ToString() => Step is int q ? $"{Kind}({Low}, {High}, {q})" : $"{Kind}({Low}, {High})";
}
