namespace Nomadic.Tuning.Tpe;

/// <summary>
/// How the TPE tuner divides a search space: the parameters it models, those a grid enumerates
/// (<see cref="Tune.GridSearch{T}(T[])"/>) and those with a single value, which need no model.
/// </summary>
internal sealed class TpeSpace
{
    public TpeSpace(SearchSpace space)
        : this(space, space.Names)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TpeSpace"/> class for some of a space's parameters.</summary>
    public TpeSpace(SearchSpace space, IEnumerable<string> members)
    {
        var modelled = new List<string>();
        var fixedValues = new List<KeyValuePair<string, object?>>();
        foreach (string name in members)
        {
            var parameter = new KeyValuePair<string, Domain>(name, space[name]);
            Domain domain = parameter.Value;
            if (domain.IsExhaustive)
            {
                continue;
            }
            else if (domain is not FloatDomain { Step: null } && ParamValue.AreEqual(domain.FromUnit(0.0), domain.FromUnit(1.0)))
            {
                fixedValues.Add(new(parameter.Key, domain.FromUnit(0.0)));
            }
            else
            {
                modelled.Add(parameter.Key);
            }
        }

        Names = [.. modelled];
        Domains = Names.Select(n => space[n]).ToArray();
        Scales = Domains.Select(TpeScale.For).ToArray();
        FixedValues = [.. fixedValues];
    }

    /// <summary>Gets the names of the modelled parameters, in the space's order.</summary>
    public string[] Names { get; }

    /// <summary>Gets the domains of the modelled parameters.</summary>
    public Domain[] Domains { get; }

    /// <summary>Gets the scales of the modelled parameters.</summary>
    public TpeScale[] Scales { get; }

    /// <summary>Gets the number of modelled parameters.</summary>
    public int Count => Names.Length;

    /// <summary>Gets the parameters whose domain holds a single value, with that value.</summary>
    public KeyValuePair<string, object?>[] FixedValues { get; }

    /// <summary>Reads the model coordinates of a configuration's modelled parameters.</summary>
    /// <returns><see langword="false"/> when a parameter is missing or has a value its domain cannot hold.</returns>
    public bool TryParse(IReadOnlyDictionary<string, object?> configuration, Span<double> coordinates)
    {
        for (int p = 0; p < Names.Length; p++)
        {
            if (!configuration.TryGetValue(Names[p], out object? value) || double.IsNaN(coordinates[p] = Scales[p].ToModel(value)))
            {
                return false;
            }
        }

        return true;
    }
}
