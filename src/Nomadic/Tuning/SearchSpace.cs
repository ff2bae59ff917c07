using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Nomadic.Tuning;

/// <summary>
/// The hyperparameters an experiment explores: an ordered map from parameter name to <see cref="Domain"/>.
/// </summary>
/// <example>
/// <code>
/// var space = new SearchSpace
/// {
///     ["learning_rate"] = Tune.Choice(0.01, 0.02),
///     ["batch_size"] = Tune.Choice(32, 64),
/// };
/// </code>
/// </example>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "SearchSpace is the domain term (the seed's and nomadic's).")]
public sealed class SearchSpace : IReadOnlyDictionary<string, Domain>
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, Domain> _domains = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the domain of a parameter; setting validates the domain and keeps the parameter's position.</summary>
    /// <param name="name">The parameter name.</param>
    /// <exception cref="SearchSpaceException">The name is empty or the domain's settings are invalid.</exception>
    public Domain this[string name]
    {
        get => _domains.TryGetValue(name, out Domain? domain)
            ? domain
            : throw new KeyNotFoundException($"The search space has no parameter '{name}'.");
        set
        {
            int position = _names.IndexOf(name);
            Check(name, value, position < 0 ? _names.Count : position);
            if (position < 0)
            {
                _names.Add(name);
            }

            _domains[name] = value;
        }
    }

    /// <summary>Gets the parameter names in the order they were added.</summary>
    public IEnumerable<string> Keys => _names;

    /// <summary>Gets the domains in the order their parameters were added.</summary>
    public IEnumerable<Domain> Values => _names.Select(n => _domains[n]);

    /// <summary>Gets the number of parameters.</summary>
    public int Count => _names.Count;

    /// <summary>Gets the parameter names in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Gets a value indicating whether every domain is enumerable, so the space is a finite grid.</summary>
    public bool IsEnumerable => _domains.Values.All(d => d.IsEnumerable);

    /// <summary>Gets a value indicating whether some parameter exists only under a condition (<see cref="Domain.Condition"/>).</summary>
    public bool HasConditions => _domains.Values.Any(d => d.Condition is not null);

    /// <summary>
    /// Gets the number of configurations of a finite space, or <see langword="null"/> when a domain is continuous. A
    /// conditional parameter multiplies only the configurations in which it exists.
    /// </summary>
    public long? GridSize
    {
        get
        {
            if (!IsEnumerable)
            {
                return null;
            }

            if (HasConditions)
            {
                return SpaceConditions.CountGrid(this);
            }

            long size = 1;
            foreach (Domain domain in Values)
            {
                long count = domain switch
                {
                    IntDomain i => i.Count,
                    FloatDomain { Count: long n } => n,
                    _ => domain.Enumerate().Count,
                };
                size = count != 0 && size > long.MaxValue / count ? long.MaxValue : size * count;
            }

            return size;
        }
    }

    /// <summary>Adds a parameter; the collection-initializer form <c>{ "name", domain }</c>.</summary>
    /// <param name="name">The parameter name, unique in the space.</param>
    /// <param name="domain">The domain.</param>
    /// <exception cref="SearchSpaceException">The name is empty or taken, or the domain's settings are invalid.</exception>
    public void Add(string name, Domain domain)
    {
        if (_domains.ContainsKey(name))
        {
            throw new SearchSpaceException(name, "is declared twice");
        }

        Check(name, domain, _names.Count);

        _names.Add(name);
        _domains[name] = domain;
    }

    /// <summary>
    /// Tells whether every parameter of the space that exists in <paramref name="configuration"/> (see
    /// <see cref="IsActive"/>) has a value there inside its domain.
    /// </summary>
    /// <param name="configuration">Parameter values by name; extra names, and values of inactive parameters, are ignored.</param>
    /// <returns><see langword="true"/> when the configuration lies in the space.</returns>
    public bool Contains(IReadOnlyDictionary<string, object?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _names.All(n => (configuration.TryGetValue(n, out object? v) && _domains[n].Contains(v)) || !IsActive(n, configuration));
    }

    /// <summary>Describes the first reason a configuration lies outside the space, for error messages.</summary>
    /// <param name="configuration">Parameter values by name.</param>
    /// <returns>The problem, e.g. <c>'x' = 5 is outside randint(0, 3)</c>, or <see langword="null"/> when the configuration lies in the space.</returns>
    public string? FindProblem(IReadOnlyDictionary<string, object?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (string name in _names)
        {
            bool present = configuration.TryGetValue(name, out object? value);
            if (present && !_domains[name].Contains(value))
            {
                return $"'{name}' = {ParamValue.ToDisplayString(value)} is outside {_domains[name]}";
            }

            if (!present && IsActive(name, configuration))
            {
                return $"'{name}' has no value";
            }
        }

        return null;
    }

    /// <summary>Tells whether a parameter exists in a configuration: it has no condition, or its conditions hold there.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="configuration">The values of (at least) the parameter's parents.</param>
    /// <returns><see langword="true"/> when the parameter exists in the configuration.</returns>
    /// <exception cref="KeyNotFoundException">The space has no such parameter.</exception>
    public bool IsActive(string name, IReadOnlyDictionary<string, object?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return SpaceConditions.IsActive(this, name, configuration);
    }

    /// <summary>Returns a copy of <paramref name="configuration"/> without the parameters that do not exist in it.</summary>
    /// <param name="configuration">A configuration, e.g. a tuner's proposal with a value for every parameter.</param>
    /// <returns>The configuration with inactive parameters removed; names outside the space are kept.</returns>
    public Dictionary<string, object?> Activate(IReadOnlyDictionary<string, object?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var active = new Dictionary<string, object?>(configuration, StringComparer.Ordinal);
        foreach (string name in _names)
        {
            if (_domains[name].Condition is not null && !SpaceConditions.IsActive(this, name, active))
            {
                active.Remove(name);
            }
        }

        return active;
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => _domains.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Domain value) => _domains.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, Domain>> GetEnumerator() =>
        _names.Select(n => new KeyValuePair<string, Domain>(n, _domains[n])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the space as JSON: an object of parameter name to <c>{"type": kind, ...settings}</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.SearchSpaceJson.Write(this);

    /// <summary>Reads a space written by <see cref="ToJson"/> (or by hand in the same form).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The search space.</returns>
    /// <exception cref="SearchSpaceException">A domain is unknown or invalid.</exception>
    /// <exception cref="System.Text.Json.JsonException">The text is not valid JSON.</exception>
    public static SearchSpace FromJson(string json) => Serialization.SearchSpaceJson.Read(json);

    /// <inheritdoc />
    public override string ToString() =>
        "{" + string.Join(", ", this.Select(kv => $"'{kv.Key}': {kv.Value}" + (kv.Value.Condition is { } c ? $" {c}" : ""))) + "}";

    private void Check(string name, Domain domain, int position)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new SearchSpaceException(name ?? "", "has an empty name");
        }

        if (domain is null)
        {
            throw new SearchSpaceException(name, "has no domain");
        }

        if ((domain.Validate() ?? SpaceConditions.Validate(this, name, domain, position)) is string problem)
        {
            throw new SearchSpaceException(name, problem);
        }
    }
}
