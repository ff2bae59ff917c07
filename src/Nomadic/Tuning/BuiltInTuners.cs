namespace Nomadic.Tuning;

/// <summary>The one place that registers the tuners shipped with the library, in the order the documentation lists them.</summary>
internal static class BuiltInTuners
{
    private const TunerCapabilities Exhausts = TunerCapabilities.StopsWhenSpaceIsExhausted;

    public static void RegisterIn(TunerCatalog catalog)
    {
        catalog.Register("auto", () => new AutoTuner(), Exhausts);
        catalog.Register("grid", () => new GridTuner(), Exhausts | TunerCapabilities.EnumeratesGrid);
        catalog.Register("random", () => new RandomTuner(), TunerCapabilities.None);
        catalog.Register("sobol", () => new QuasiRandomTuner(), TunerCapabilities.None);
        catalog.Register("tpe", () => new TpeTuner(), Exhausts);
        catalog.Register("gp", () => new GaussianProcessTuner(), Exhausts);
        catalog.Register("cfo", () => new CfoTuner(), Exhausts);
        catalog.Register("blendsearch", () => new BlendSearchTuner(), Exhausts);
        catalog.Register("nsga2", () => new NsgaIITuner(), Exhausts);
    }
}
