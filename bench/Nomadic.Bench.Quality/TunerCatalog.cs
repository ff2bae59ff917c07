using Nomadic.Tuning;
using Nomadic.Tuning.Gp;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Bench;

/// <summary>The tuners the quality benchmark knows, by the name used on the command line and in the tables.</summary>
internal static class TunerCatalog
{
    /// <summary>Each name's factory: one new tuner per experiment. Register a tuner here with one line.</summary>
    private static readonly Dictionary<string, Func<ITuner>> Factories = new(StringComparer.Ordinal)
    {
        ["random"] = () => new RandomTuner(),
        ["sobol"] = () => new QuasiRandomTuner(),
        ["tpe"] = () => new TpeTuner(),
        ["tpe-multivariate"] = () => new TpeTuner(new TpeOptions { Multivariate = true }),
        ["gp"] = () => new GaussianProcessTuner(),
        ["cfo"] = () => new CfoTuner(),
        ["blendsearch"] = () => new BlendSearchTuner(),
        ["auto"] = () => new AutoTuner(),
        ["auto-no-refine"] = () => new AutoTuner(new AutoTunerOptions { RefinementShare = 0 }),
        ["auto-no-explore"] = () => new AutoTuner(new AutoTunerOptions { ExplorationInterval = 0 }),
        ["auto-coarse-refine"] = () => new AutoTuner(new AutoTunerOptions { RefinementStepSize = 0.1 }),
        ["auto-long-refine"] = () => new AutoTuner(new AutoTunerOptions { RefinementShare = 0.2 }),
    };

    /// <summary>Names planned but not registered yet (add them to the factories above when they exist).</summary>
    private static readonly string[] Planned = [];

    /// <summary>Variants of the default tuner with one of its parts turned off, run only when named.</summary>
    private static readonly string[] Variants = ["auto-no-refine", "auto-no-explore", "auto-coarse-refine", "auto-long-refine"];

    /// <summary>The tuners compared by default: every registered one but the variants.</summary>
    public static IReadOnlyList<string> Registered => [.. Factories.Keys.Except(Variants)];

    /// <summary>Tells whether a tuner plans by the run budget, so each budget needs its own experiment.</summary>
    public static bool UsesBudget(string name) => name.StartsWith("auto", StringComparison.Ordinal) && name != "auto-no-refine";

    /// <summary>Gets a registered tuner's factory.</summary>
    /// <exception cref="ArgumentException">The name is unknown, or planned but not registered yet.</exception>
    public static Func<ITuner> Get(string name) =>
        Factories.TryGetValue(name, out Func<ITuner>? factory) ? factory
        : Planned.Contains(name) ? throw new ArgumentException($"Tuner '{name}' is not registered yet (see TunerCatalog).")
        : throw new ArgumentException($"Unknown tuner '{name}'; expected one of: {string.Join(", ", Factories.Keys)}.");

    /// <summary>Gets a tuner by name, or <paramref name="standIn"/> while that name is not registered.</summary>
    /// <returns>The factory and the name of the tuner it really builds.</returns>
    public static (Func<ITuner> Create, string Actual) GetOrStandIn(string name, string standIn) =>
        Factories.TryGetValue(name, out Func<ITuner>? factory) ? (factory, name) : (Get(standIn), standIn);
}
