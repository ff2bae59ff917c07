namespace Nomadic.Tuning;

/// <summary>Walks the cartesian product of some domains of a space like an odometer (the last parameter varies fastest).</summary>
internal sealed class GridEnumerator
{
    private readonly string[] _names;
    private readonly IReadOnlyList<object?>[] _values;
    private readonly int[] _position;
    private bool _done;

    public GridEnumerator(SearchSpace space, IEnumerable<string> names, string purpose)
    {
        _names = names.ToArray();
        _values = new IReadOnlyList<object?>[_names.Length];
        for (int i = 0; i < _names.Length; i++)
        {
            Domain domain = space[_names[i]];
            if (!domain.IsEnumerable)
            {
                throw new SearchSpaceException(_names[i], $"{domain.Kind} is continuous and {purpose} cannot enumerate it; use Choice, GridSearch, RandInt or QUniform, or random search");
            }

            if (domain is IntDomain { Count: > GridTuner.MaxValuesPerDomain } big)
            {
                throw new SearchSpaceException(_names[i], $"{domain.Kind} has {big.Count} values, too many for {purpose} (at most {GridTuner.MaxValuesPerDomain})");
            }

            _values[i] = domain.Enumerate();
        }

        _position = new int[_names.Length];
        Size = _values.Aggregate(1L, (size, v) => size * v.Count);
    }

    public long Size { get; }

    public int Count => _names.Length;

    /// <summary>Returns the next grid point, or <see langword="null"/> after the last.</summary>
    public Dictionary<string, object?>? Next()
    {
        if (_done)
        {
            return null;
        }

        var point = new Dictionary<string, object?>(_names.Length, StringComparer.Ordinal);
        Fill(point);
        Advance();
        return point;
    }

    /// <summary>Writes the current grid point into <paramref name="target"/> and moves on, wrapping around after the last.</summary>
    public void NextCyclic(Dictionary<string, object?> target)
    {
        Fill(target);
        Advance();
        _done = false;
    }

    private void Fill(Dictionary<string, object?> target)
    {
        for (int i = 0; i < _names.Length; i++)
        {
            target[_names[i]] = _values[i][_position[i]];
        }
    }

    private void Advance()
    {
        for (int i = _names.Length - 1; i >= 0; i--)
        {
            if (++_position[i] < _values[i].Count)
            {
                return;
            }

            _position[i] = 0;
        }

        _done = true;
    }
}
