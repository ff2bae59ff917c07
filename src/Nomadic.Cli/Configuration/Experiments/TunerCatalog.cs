using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>The tuners an experiment file can name, and how each is created.</summary>
internal static class TunerCatalog
{
    private static readonly Dictionary<string, Func<ITuner>> Factories = new(StringComparer.Ordinal)
    {
        ["auto"] = () => new AutoTuner(),
        ["grid"] = () => new GridTuner(),
        ["random"] = () => new RandomTuner(),
        ["sobol"] = () => new QuasiRandomTuner(),
        ["tpe"] = () => new TpeTuner(),
        ["gp"] = () => new GaussianProcessTuner(),
        ["cfo"] = () => new CfoTuner(),
        ["blendsearch"] = () => new BlendSearchTuner(),
        ["nsga2"] = () => new NsgaIITuner(),
    };

    /// <summary>Gets the tuner names, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    /// <summary>Tells whether a name is a tuner.</summary>
    public static bool Contains(string name) => Factories.ContainsKey(name);

    /// <summary>Creates a new tuner by name.</summary>
    /// <exception cref="KeyNotFoundException">The name is not a tuner.</exception>
    public static ITuner Create(string name) => Factories[name]();
}
