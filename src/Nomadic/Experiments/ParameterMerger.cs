namespace Nomadic.Experiments;

/// <summary>
/// Builds a run's parameters: the tuner's configuration in search-space order, values normalized, merged with the
/// experiment's fixed parameters. A tuner's own complete dictionary is used as it is when there is nothing to merge.
/// </summary>
internal sealed class ParameterMerger
{
    private readonly Tuning.SearchSpace _space;
    private readonly IReadOnlyDictionary<string, object?> _fixed;
    private readonly bool _hasConditions;

    public ParameterMerger(Tuning.SearchSpace space, IReadOnlyDictionary<string, object?>? fixedParams)
    {
        _space = space;
        _fixed = fixedParams ?? new Dictionary<string, object?>();
        _hasConditions = space.HasConditions;
    }

    public Dictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> configuration, bool includeAllKeys)
    {
        if (!includeAllKeys && _fixed.Count == 0 && !_hasConditions && configuration is Dictionary<string, object?> own && IsComplete(own))
        {
            return own;
        }

        var merged = new Dictionary<string, object?>(_space.Count + _fixed.Count, StringComparer.Ordinal);
        foreach (string name in _space.Names)
        {
            // Parents come first, so a parameter's condition is read from values already merged.
            if (configuration.TryGetValue(name, out object? value) && (!_hasConditions || _space.IsActive(name, merged)))
            {
                merged[name] = ParamValue.Normalize(value);
            }
        }

        foreach (KeyValuePair<string, object?> pair in _fixed)
        {
            merged[pair.Key] = pair.Value;
        }

        if (includeAllKeys)
        {
            foreach (KeyValuePair<string, object?> pair in configuration)
            {
                if (!_space.ContainsKey(pair.Key))
                {
                    merged.TryAdd(pair.Key, ParamValue.Normalize(pair.Value));
                }
            }
        }

        return merged;
    }

    private bool IsComplete(Dictionary<string, object?> configuration)
    {
        if (configuration.Count != _space.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, object?> pair in configuration)
        {
            if (!_space.ContainsKey(pair.Key) || !ReferenceEquals(ParamValue.Normalize(pair.Value), pair.Value))
            {
                return false;
            }
        }

        return true;
    }
}
