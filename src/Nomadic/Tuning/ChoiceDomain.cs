namespace Nomadic.Tuning;

/// <summary>A categorical domain: one of a list of values, in the order given.</summary>
public sealed class ChoiceDomain : Domain
{
    internal ChoiceDomain(IEnumerable<object?> values, bool exhaustive)
    {
        ArgumentNullException.ThrowIfNull(values);
        object?[] given = values.ToArray();

        // Tune.Choice(list) binds to the params overload with the list as the only value; a list is never a valid
        // value, so its elements are meant.
        if (given is [System.Collections.IEnumerable inner and not string])
        {
            given = inner.Cast<object?>().ToArray();
        }

        Values = given.Select(ParamValue.Normalize).ToArray();
        IsExhaustive = exhaustive;
    }

    /// <summary>Gets the values, in the order given.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <inheritdoc />
    public override string Kind => IsExhaustive ? "grid_search" : "choice";

    /// <inheritdoc />
    public override bool IsEnumerable => true;

    /// <inheritdoc />
    public override bool IsExhaustive { get; }

    /// <inheritdoc />
    public override object? FromUnit(double unit)
    {
        int index = (int)(Math.Clamp(unit, 0.0, 1.0) * Values.Count);
        return Values[Math.Min(index, Values.Count - 1)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<object?> Enumerate() => Values;

    /// <inheritdoc />
    public override bool Contains(object? value)
    {
        object? normalized = ParamValue.Normalize(value);
        return Values.Any(v => ParamValue.AreEqual(v, normalized));
    }

    internal override string? Validate()
    {
        if (Values.Count == 0)
        {
            return $"{Kind} needs at least one value";
        }

        for (int i = 0; i < Values.Count; i++)
        {
            if (!ParamValue.IsSupported(Values[i]))
            {
                return $"{Kind} value {i} has unsupported type {Values[i]!.GetType().Name} (use numbers, booleans, strings or null)";
            }

            if (Values[i] is double d && !double.IsFinite(d))
            {
                return $"{Kind} value {i} is {Format(d)}, not a finite number";
            }

            for (int j = 0; j < i; j++)
            {
                if (ParamValue.AreEqual(Values[i], Values[j]))
                {
                    return $"{Kind} lists the value {ParamValue.ToDisplayString(Values[i])} twice";
                }
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}([{string.Join(", ", Values.Select(ParamValue.ToDisplayString))}])";
}
