using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>The tuners the multi-objective benchmark knows, by the name used on the command line and in the tables.</summary>
internal static class MultiObjectiveTuners
{
    private static readonly Dictionary<string, Func<ITuner>> Factories = new(StringComparer.Ordinal)
    {
        ["auto"] = () => new AutoTuner(),
        ["tpe"] = () => new TpeTuner(),
        ["tpe-multivariate"] = () => new TpeTuner(new TpeOptions { Multivariate = true }),
        ["nsga2"] = () => new NsgaIITuner(),
        ["random"] = () => new RandomTuner(),
        ["auto-nsga-from-100"] = () => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = 100 }),
        ["auto-nsga-from-150"] = () => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = 150 }),
        ["auto-nsga-from-300"] = () => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = 300 }),
        ["auto-nsga-from-500"] = () => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = 500 }),
    };

    /// <summary>Tells whether a tuner plans by the run budget, so each budget needs its own experiment.</summary>
    public static bool UsesBudget(string name) => name.StartsWith("auto", StringComparison.Ordinal);

    /// <summary>Creates a new tuner by name.</summary>
    public static ITuner Create(string name) => Factories[name]();

    /// <summary>Returns the name when it is known.</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static string Check(string name) =>
        Factories.ContainsKey(name) ? name : throw new ArgumentException($"Unknown tuner '{name}'; expected one of: {string.Join(", ", Factories.Keys)}.");
}
