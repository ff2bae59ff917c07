namespace Nomadic.Tuning.Encoders;

/// <summary>Codes a choice as the index of its value; the kernel compares indices by equality, never by order.</summary>
internal sealed class CategoricalCoder : ParameterCoder
{
    private readonly IReadOnlyList<object?> _values;

    /// <summary>Initializes a new instance of the <see cref="CategoricalCoder"/> class.</summary>
    /// <param name="domain">The choice domain.</param>
    public CategoricalCoder(ChoiceDomain domain)
    {
        _values = domain.Values;
    }

    /// <inheritdoc />
    public override bool IsCategorical => true;

    /// <inheritdoc />
    public override bool TryEncode(object? value, out double coordinate)
    {
        object? normalized = ParamValue.Normalize(value);
        for (int i = 0; i < _values.Count; i++)
        {
            if (ParamValue.AreEqual(_values[i], normalized))
            {
                coordinate = i;
                return true;
            }
        }

        coordinate = 0;
        return false;
    }

    /// <inheritdoc />
    public override object? Decode(double coordinate) => _values[Index(coordinate)];

    /// <inheritdoc />
    public override double FromUniform(double uniform) => Index(Math.Floor(uniform * _values.Count));

    /// <inheritdoc />
    public override double ToUnit(double coordinate) => (coordinate + 0.5) / _values.Count;

    /// <inheritdoc />
    public override IEnumerable<double> Moves(double coordinate)
    {
        int current = Index(coordinate);
        return Enumerable.Range(0, _values.Count).Where(i => i != current).Select(i => (double)i);
    }

    private int Index(double coordinate) => (int)Math.Clamp(Math.Round(coordinate), 0, _values.Count - 1);
}
