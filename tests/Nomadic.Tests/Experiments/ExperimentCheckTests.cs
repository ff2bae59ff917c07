using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class ExperimentCheckTests
{
    private static readonly SearchSpace Finite = new() { ["n"] = Tune.RandInt(0, 3) };

    private static readonly SearchSpace Continuous = new() { ["x"] = Tune.Uniform(0, 1) };

    [Fact]
    public void Problems_SettingsThatWork_IsEmpty()
    {
        Assert.Empty(ExperimentCheck.Problems(Finite, new ExperimentOptions()));
        Assert.Empty(ExperimentCheck.Problems(Continuous, new ExperimentOptions { NumSamples = 3, Tuner = new RandomTuner() }));
        Assert.Empty(ExperimentCheck.Problems(Finite, new ExperimentOptions { Tuner = new TpeTuner() }));
    }

    [Fact]
    public void Problems_GridOverContinuousDomain_NamesTheParameter()
    {
        ExperimentProblem problem = Assert.Single(ExperimentCheck.Problems(Continuous, new ExperimentOptions { Tuner = new GridTuner() }));

        Assert.Equal(ExperimentProblemKind.GridOverContinuousDomain, problem.Kind);
        Assert.Equal("Tuner", problem.Option);
        Assert.Equal("x", problem.Parameter);
        Assert.Equal("Parameter 'x': uniform is continuous and grid search cannot enumerate it; use Choice, GridSearch, RandInt or QUniform, or random search.", problem.Message);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    public void Problems_TunerThatNeverStopsWithoutBudget_AsksForOne(string tuner)
    {
        ExperimentProblem problem = Assert.Single(ExperimentCheck.Problems(Finite, new ExperimentOptions { Tuner = TunerCatalog.Default.Create(tuner) }));

        Assert.Equal(ExperimentProblemKind.NoRunBudget, problem.Kind);
        Assert.Equal("NumSamples", problem.Option);
        Assert.Equal(tuner, problem.Tuner);
        Assert.Equal($"The {tuner} tuner never runs out of configurations here: set NumSamples or TimeBudget.", problem.Message);
    }

    [Fact]
    public void Problems_DefaultTunerOnContinuousSpaceWithoutBudget_NamesTheAutoTuner()
    {
        ExperimentProblem problem = Assert.Single(ExperimentCheck.Problems(Continuous, new ExperimentOptions()));

        Assert.Equal(ExperimentProblemKind.NoRunBudget, problem.Kind);
        Assert.Equal("auto", problem.Tuner);
        Assert.Empty(ExperimentCheck.Problems(Continuous, new ExperimentOptions { TimeBudget = TimeSpan.FromSeconds(1) }));
    }

    [Fact]
    public void Problems_RegisteredTunerThatNeverStops_NeedsABudgetOnAFiniteSpace()
    {
        TunerCatalog catalog = TunerCatalog.WithBuiltInTuners();
        catalog.Register("drift", () => new DriftTuner(), TunerCapabilities.None);

        ExperimentProblem problem = Assert.Single(ExperimentCheck.Problems(Finite, new ExperimentOptions { Tuner = new DriftTuner() }, catalog));

        Assert.Equal(ExperimentProblemKind.NoRunBudget, problem.Kind);
        Assert.Empty(ExperimentCheck.Problems(Finite, new ExperimentOptions { Tuner = new DriftTuner() }));
    }

    [Fact]
    public void Problems_DefaultTunerWithACatalogWithoutIt_UsesTheBuiltInCapabilities()
    {
        Assert.Empty(ExperimentCheck.Problems(Finite, new ExperimentOptions(), new TunerCatalog()));
        Assert.Equal(ExperimentProblemKind.NoRunBudget, Assert.Single(ExperimentCheck.Problems(Continuous, new ExperimentOptions(), new TunerCatalog())).Kind);
    }

    [Fact]
    public void Problems_FixedParameterAlsoTuned_NamesIt()
    {
        var options = new ExperimentOptions { NumSamples = 1, FixedParams = new Dictionary<string, object?> { ["seed"] = 1, ["n"] = 2 } };

        ExperimentProblem problem = Assert.Single(ExperimentCheck.Problems(Finite, options));

        Assert.Equal(ExperimentProblemKind.FixedParameterTuned, problem.Kind);
        Assert.Equal("FixedParams", problem.Option);
        Assert.Equal("n", problem.Parameter);
        Assert.Equal("Fixed parameter 'n' is also in the search space; a parameter is either tuned or fixed.", problem.Message);
    }

    [Fact]
    public void Problems_EnqueuedConfigurationsOutsideTheSpace_OneProblemEach()
    {
        var options = new ExperimentOptions
        {
            EnqueuedConfigurations = [new Dictionary<string, object?> { ["n"] = 9 }, new Dictionary<string, object?> { ["n"] = 1 }, new Dictionary<string, object?>()],
        };

        IReadOnlyList<ExperimentProblem> problems = ExperimentCheck.Problems(Finite, options);

        Assert.Equal([0, 2], problems.Select(p => p.Index));
        Assert.All(problems, p => Assert.Equal(ExperimentProblemKind.EnqueuedOutsideSpace, p.Kind));
        Assert.Equal("EnqueuedConfigurations[0] is outside the search space: 'n' = 9 is outside randint(0, 3).", problems[0].Message);
        Assert.Equal("'n' has no value", problems[1].Reason);
    }

    [Fact]
    public void Problems_SeveralRulesBroken_TunerFirstThenFixedThenEnqueued()
    {
        var options = new ExperimentOptions
        {
            Tuner = new RandomTuner(),
            FixedParams = new Dictionary<string, object?> { ["n"] = 1 },
            EnqueuedConfigurations = [new Dictionary<string, object?> { ["n"] = 9 }],
        };

        Assert.Equal(
            [ExperimentProblemKind.NoRunBudget, ExperimentProblemKind.FixedParameterTuned, ExperimentProblemKind.EnqueuedOutsideSpace],
            ExperimentCheck.Problems(Finite, options).Select(p => p.Kind));
    }

    [Fact]
    public void Constructor_RegisteredTunerThatNeverStops_ThrowsWithoutABudget()
    {
        TunerCatalog.Default.Register("endless-check", () => new EndlessTuner(), TunerCapabilities.None);

        var error = Assert.Throws<ArgumentException>(() => new Experiment(Finite, _ => 0.0, new ExperimentOptions { Tuner = new EndlessTuner() }));

        Assert.Equal("The endless-check tuner never runs out of configurations here: set NumSamples or TimeBudget.", error.Message);
    }

    private sealed class DriftTuner : NamedRandomTuner
    {
        public override string Name => "drift";
    }

    private sealed class EndlessTuner : NamedRandomTuner
    {
        public override string Name => "endless-check";
    }

    private abstract class NamedRandomTuner : ITuner
    {
        private readonly RandomTuner _inner = new();

        public abstract string Name { get; }

        public void Initialize(TunerSetup setup) => _inner.Initialize(setup);

        public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context) => _inner.Suggest(context);

        public void Observe(RunResult run) => _inner.Observe(run);
    }
}
