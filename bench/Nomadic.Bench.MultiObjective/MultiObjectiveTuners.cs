using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>The tuners the multi-objective benchmark knows: the library's catalog plus variants, by the name used on the command line and in the tables.</summary>
internal static class MultiObjectiveTuners
{
    private static readonly TunerCatalog Catalog = CreateCatalog();

    /// <summary>Tells whether a tuner plans by the run budget, so each budget needs its own experiment.</summary>
    public static bool UsesBudget(string name) => name.StartsWith("auto", StringComparison.Ordinal);

    /// <summary>Creates a new tuner by name.</summary>
    public static ITuner Create(string name) => Catalog.Create(name);

    /// <summary>Returns the name when it is known.</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static string Check(string name) =>
        Catalog.Contains(name) ? name : throw new ArgumentException($"Unknown tuner '{name}'; expected one of: {string.Join(", ", Catalog.Names)}.");

    private static TunerCatalog CreateCatalog()
    {
        const TunerCapabilities Exhausts = TunerCapabilities.StopsWhenSpaceIsExhausted;
        TunerCatalog catalog = TunerCatalog.WithBuiltInTuners();
        catalog.Register("tpe-multivariate", () => new TpeTuner(new TpeOptions { Multivariate = true }), Exhausts);
        foreach (int runs in (int[])[100, 150, 300, 500])
        {
            catalog.Register($"auto-nsga-from-{runs}", () => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = runs }), Exhausts);
        }

        return catalog;
    }
}
