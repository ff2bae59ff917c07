using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class TunerCatalogTests
{
    public static TheoryData<string> BuiltInNames => [.. TunerCatalog.WithBuiltInTuners().Names];

    public static TheoryData<string> NamesThatStop =>
        [.. TunerCatalog.WithBuiltInTuners().Registrations.Where(r => r.Has(TunerCapabilities.StopsWhenSpaceIsExhausted)).Select(r => r.Name)];

    [Fact]
    public void WithBuiltInTuners_Names_AreTheLibrarysTunersInDocumentationOrder()
    {
        Assert.Equal(["auto", "grid", "random", "sobol", "tpe", "gp", "cfo", "blendsearch", "nsga2"], TunerCatalog.WithBuiltInTuners().Names);
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Create_BuiltInName_IsANewTunerOfThatName(string name)
    {
        TunerCatalog catalog = TunerCatalog.WithBuiltInTuners();

        ITuner first = catalog.Create(name);

        Assert.Equal(name, first.Name);
        Assert.NotSame(first, catalog.Create(name));
    }

    [Theory]
    [InlineData("grid", TunerCapabilities.StopsWhenSpaceIsExhausted | TunerCapabilities.EnumeratesGrid)]
    [InlineData("random", TunerCapabilities.None)]
    [InlineData("sobol", TunerCapabilities.None)]
    [InlineData("auto", TunerCapabilities.StopsWhenSpaceIsExhausted)]
    [InlineData("tpe", TunerCapabilities.StopsWhenSpaceIsExhausted)]
    [InlineData("gp", TunerCapabilities.StopsWhenSpaceIsExhausted)]
    [InlineData("cfo", TunerCapabilities.StopsWhenSpaceIsExhausted)]
    [InlineData("blendsearch", TunerCapabilities.StopsWhenSpaceIsExhausted)]
    [InlineData("nsga2", TunerCapabilities.StopsWhenSpaceIsExhausted)]
    public void Get_BuiltInName_HasTheCapabilitiesTheRulesRelyOn(string name, TunerCapabilities expected)
    {
        Assert.Equal(expected, TunerCatalog.WithBuiltInTuners().Get(name).Capabilities);
    }

    [Theory]
    [MemberData(nameof(NamesThatStop))]
    public async Task Create_TunerThatStopsOnAFiniteSpace_RunsEachConfigurationOnceThenStops(string name)
    {
        TunerRegistration registration = TunerCatalog.WithBuiltInTuners().Get(name);
        var space = new SearchSpace { ["a"] = Tune.Choice("x", "y"), ["n"] = Tune.RandInt(0, 3) };

        ExperimentResult result = await new Experiment(space, p => (int)p["n"]!, new ExperimentOptions { Tuner = registration.Create(), Seed = 1 }).RunAsync();

        Assert.Equal(6, result.Count);
        Assert.Equal(6, result.RunResults.Select(r => $"{r.Params["a"]}{r.Params["n"]}").Distinct().Count());
    }

    [Fact]
    public void Register_NewName_IsCreatedAndListedLast()
    {
        TunerCatalog catalog = TunerCatalog.WithBuiltInTuners();

        catalog.Register("anneal", () => new RandomTuner(), TunerCapabilities.StopsWhenSpaceIsExhausted);

        Assert.Equal("anneal", catalog.Names[^1]);
        Assert.IsType<RandomTuner>(catalog.Create("anneal"));
        Assert.True(catalog.Contains("anneal"));
        Assert.False(TunerCatalog.WithBuiltInTuners().Contains("anneal"));
    }

    [Fact]
    public void Register_NameAlreadyRegistered_Throws()
    {
        TunerCatalog catalog = TunerCatalog.WithBuiltInTuners();

        var error = Assert.Throws<ArgumentException>(() => catalog.Register("tpe", () => new RandomTuner(), TunerCapabilities.None));

        Assert.StartsWith("A tuner named 'tpe' is already registered.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownName_ListsTheRegisteredNames()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => TunerCatalog.WithBuiltInTuners().Create("bayes"));

        Assert.Equal("Unknown tuner 'bayes'; expected one of: auto, grid, random, sobol, tpe, gp, cfo, blendsearch, nsga2.", error.Message);
    }

    [Fact]
    public void CapabilitiesOf_UnregisteredTuner_StopsWhenSpaceIsExhausted()
    {
        Assert.Equal(TunerCapabilities.StopsWhenSpaceIsExhausted, TunerCatalog.WithBuiltInTuners().CapabilitiesOf(new NamedTuner("mine")));
        Assert.Equal(TunerCapabilities.None, TunerCatalog.WithBuiltInTuners().CapabilitiesOf(new RandomTuner()));
    }

    [Theory]
    [InlineData(true, null, "grid")]
    [InlineData(true, 5, "auto")]
    [InlineData(false, null, "auto")]
    [InlineData(false, 5, "auto")]
    public void DefaultTunerName_SpaceAndRunCount_IsGridOnlyForAFiniteSpaceWithoutRunCount(bool finite, int? numSamples, string expected)
    {
        var space = new SearchSpace { ["x"] = finite ? Tune.RandInt(0, 3) : Tune.Uniform(0, 1) };

        Assert.Equal(expected, TunerCatalog.DefaultTunerName(space, numSamples));
    }

    private sealed class NamedTuner(string name) : ITuner
    {
        public string Name => name;

        public void Initialize(TunerSetup setup)
        {
        }

        public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context) => null;

        public void Observe(RunResult run)
        {
        }
    }
}
