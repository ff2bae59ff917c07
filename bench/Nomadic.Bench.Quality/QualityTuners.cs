using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>The tuners the quality benchmark knows: the library's catalog plus variants, by the name used on the command line and in the tables.</summary>
internal static class QualityTuners
{
    /// <summary>The tuners compared by default, in table order.</summary>
    private static readonly string[] Compared = ["random", "sobol", "tpe", "tpe-multivariate", "gp", "cfo", "blendsearch", "auto"];

    private static readonly TunerCatalog Catalog = CreateCatalog();

    /// <summary>The tuners compared by default: every library tuner that samples a continuous space, and multivariate TPE.</summary>
    public static IReadOnlyList<string> Registered => Compared;

    /// <summary>Tells whether a tuner plans by the run budget, so each budget needs its own experiment.</summary>
    public static bool UsesBudget(string name) => name.StartsWith("auto", StringComparison.Ordinal) && name != "auto-no-refine";

    /// <summary>Gets a tuner's factory.</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static Func<ITuner> Get(string name) =>
        Catalog.Find(name)?.Create ?? throw new ArgumentException($"Unknown tuner '{name}'; expected one of: {string.Join(", ", Catalog.Names)}.");

    /// <summary>Gets a tuner by name, or <paramref name="standIn"/> while that name is not registered.</summary>
    /// <returns>The factory and the name of the tuner it really builds.</returns>
    public static (Func<ITuner> Create, string Actual) GetOrStandIn(string name, string standIn) =>
        Catalog.Find(name) is { } registration ? (registration.Create, name) : (Get(standIn), standIn);

    private static TunerCatalog CreateCatalog()
    {
        const TunerCapabilities Exhausts = TunerCapabilities.StopsWhenSpaceIsExhausted;
        TunerCatalog catalog = TunerCatalog.WithBuiltInTuners();
        catalog.Register("tpe-multivariate", () => new TpeTuner(new TpeOptions { Multivariate = true }), Exhausts);
        catalog.Register("auto-no-refine", () => new AutoTuner(new AutoTunerOptions { RefinementShare = 0 }), Exhausts);
        catalog.Register("auto-no-explore", () => new AutoTuner(new AutoTunerOptions { ExplorationInterval = 0 }), Exhausts);
        catalog.Register("auto-coarse-refine", () => new AutoTuner(new AutoTunerOptions { RefinementStepSize = 0.1 }), Exhausts);
        catalog.Register("auto-long-refine", () => new AutoTuner(new AutoTunerOptions { RefinementShare = 0.2 }), Exhausts);
        return catalog;
    }
}
