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
            Check(name, value);
            if (!_domains.ContainsKey(name))
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

    /// <summary>Gets the number of configurations of a finite space, or <see langword="null"/> when a domain is continuous.</summary>
    public long? GridSize
    {
        get
        {
            if (!IsEnumerable)
            {
                return null;
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
        Check(name, domain);
        if (_domains.ContainsKey(name))
        {
            throw new SearchSpaceException(name, "is declared twice");
        }

        _names.Add(name);
        _domains[name] = domain;
    }

    /// <summary>Tells whether every parameter of the space has a value in <paramref name="configuration"/> inside its domain.</summary>
    /// <param name="configuration">Parameter values by name; extra names are ignored.</param>
    /// <returns><see langword="true"/> when the configuration lies in the space.</returns>
    public bool Contains(IReadOnlyDictionary<string, object?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _names.All(n => configuration.TryGetValue(n, out object? v) && _domains[n].Contains(v));
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
    public override string ToString() => "{" + string.Join(", ", this.Select(kv => $"'{kv.Key}': {kv.Value}")) + "}";

    private static void Check(string name, Domain domain)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new SearchSpaceException(name ?? "", "has an empty name");
        }

        if (domain is null)
        {
            throw new SearchSpaceException(name, "has no domain");
        }

        if (domain.Validate() is string problem)
        {
            throw new SearchSpaceException(name, problem);
        }
    }
}
