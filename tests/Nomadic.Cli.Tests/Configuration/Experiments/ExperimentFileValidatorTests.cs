using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Objectives;
using Nomadic.Cli.Storage;
using Nomadic.Cli.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class ExperimentFileValidatorTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_BuiltinWithoutSearchSpace_UsesTheFunctionsSpaceAndDirection()
    {
        ExperimentPlan plan = Validate("objective: {builtin: branin}\nnum_samples: 3\n");

        Assert.Equal(["x0", "x1"], plan.SearchSpace.Names);
        Assert.Equal(Direction.Minimize, plan.Direction);
        Assert.Equal("builtin branin", plan.ObjectiveName);
        Assert.Equal(3, plan.ExpectedRuns);
    }

    [Fact]
    public void Validate_ExplicitDirection_OverridesTheBuiltinOne()
    {
        ExperimentPlan plan = Validate("objective: {builtin: x2}\nnum_samples: 3\ndirection: maximize\n");

        Assert.Equal(Direction.Maximize, plan.Direction);
    }

    [Fact]
    public void Validate_CommandDefaultDirection_IsMaximize()
    {
        _temp.Write("train.sh", "echo 1");

        ExperimentPlan plan = Validate("objective: {command: [sh, train.sh]}\nsearch_space: {x: [1, 2]}\n");

        Assert.Equal(Direction.Maximize, plan.Direction);
        Assert.Equal(2, plan.ExpectedRuns);
    }

    [UnixFact]
    public void Validate_RelativeProgram_IsResolvedAgainstTheWorkingDirectory()
    {
        string script = _temp.Write("tools/run.sh", "#!/bin/sh\necho 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        ExperimentPlan plan = Validate("objective: {command: ./run.sh, working_directory: tools}\nsearch_space: {x: [1]}\n");

        var command = Assert.IsType<CommandObjective>(plan.Objective);
        Assert.Equal(script, command.Spec.Executable);
        Assert.Equal(_temp.File("tools"), command.Spec.WorkingDirectory);
    }

    [Fact]
    public void Validate_MissingWorkingDirectory_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Validate("objective: {command: sh, working_directory: nowhere}\nsearch_space: {x: [1]}\n"));

        Assert.Contains($"the objective's working directory \"{_temp.File("nowhere")}\" does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CommandWithoutSearchSpace_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Validate("objective: {command: sh}\nnum_samples: 2\n"));

        Assert.EndsWith("a command objective needs a \"search_space\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptySearchSpace_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Validate("objective: {builtin: x2}\nsearch_space: {}\nnum_samples: 2\n"));

        Assert.EndsWith("\"search_space\" declares no parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Outputs_AreRelativeToTheFileOrToTheOutputFolder()
    {
        const string Yaml = "objective: {builtin: x2}\nnum_samples: 2\noutput: {results: out/r.json, csv: /abs/r.csv}\n";

        ExperimentPlan beside = Validate(Yaml);
        ExperimentPlan elsewhere = Validate(Yaml, _temp.File("other"));

        Assert.Equal(new OutputPaths(_temp.File("out/r.json"), null, "/abs/r.csv"), beside.Outputs);
        Assert.Equal(_temp.File("other/out/r.json"), elsewhere.Outputs.Results);
    }

    [Fact]
    public void Validate_GridWithBaselineOutsideTheGrid_ExpectsOneMoreRun()
    {
        ExperimentPlan plan = Validate("objective: {builtin: x2}\nsearch_space: {x: [1.0, 2.0, 3.0]}\ncurrent_params: {x: 0.5}\ntuner: grid\n");

        Assert.Equal(4, plan.ExpectedRuns);
    }

    [Fact]
    public void Validate_TimeBudgetOnly_HasNoExpectedRunCount()
    {
        ExperimentPlan plan = Validate("objective: {builtin: x2}\ntime_budget_seconds: 1\n");

        Assert.Null(plan.ExpectedRuns);
    }

    [Theory]
    [InlineData("search_space: {x: [1, 2]}\ntuner: random\n", "the random tuner never runs out of configurations here; set \"num_samples\" or \"time_budget_seconds\"")]
    [InlineData("search_space: {x: [1, 2]}\ntuner: sobol\n", "the sobol tuner never runs out of configurations here; set \"num_samples\" or \"time_budget_seconds\"")]
    [InlineData("", "the auto tuner never runs out of configurations here; set \"num_samples\" or \"time_budget_seconds\"")]
    [InlineData("search_space:\n  x: {type: uniform, low: 0, high: 1}\ntuner: grid\n", "line 3, column 6: grid search cannot enumerate parameter \"x\" (uniform is continuous); make it a choice, give it a step \"q\", or use the random tuner")]
    [InlineData("num_samples: 2\nfixed_params: {x: 1}\n", "parameter \"x\" is both in \"search_space\" and in \"fixed_params\"; a parameter is either tuned or fixed")]
    [InlineData("search_space: {x: [1, 2]}\nenqueue: [{x: 1}, {x: 3}]\n", "\"enqueue[1]\" is outside the search space: 'x' = 3 is outside choice([1, 2])")]
    public void Validate_SettingsBreakingARule_AreOneLineInTheFilesTerms(string settings, string expected)
    {
        var error = Assert.Throws<InputException>(() => Validate("objective: {builtin: x2}\n" + settings));

        Assert.Equal($"{_temp.File("experiment.yaml")}: {expected}", error.Message);
    }

    [Fact]
    public async Task Validate_TunerRegisteredInTheCatalog_RunsWhenTheFileNamesIt()
    {
        TunerCatalog tuners = TunerCatalog.WithBuiltInTuners();
        tuners.Register("anneal", () => new RenamedTuner("anneal", TunerCatalog.Default.Create("random")), TunerCapabilities.StopsWhenSpaceIsExhausted);

        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("experiment.yaml", "objective: {builtin: x2}\ntuner: anneal\nnum_samples: 3\n")), null, tuners);
        using var storage = new InMemoryExperimentStorage();
        using Experiment experiment = plan.CreateExperiment(null, new WorkerSettings(storage, "w", TimeSpan.FromSeconds(30), null));
        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal("anneal", result.Metadata["tuner"]);
        Assert.Equal(3, result.Count);
    }

    [Fact]
    public void Validate_RegisteredTunerThatNeverStops_NeedsABudgetEvenOnAFiniteSpace()
    {
        TunerCatalog tuners = TunerCatalog.WithBuiltInTuners();
        tuners.Register("drift", () => new RenamedTuner("drift", new RandomTuner()), TunerCapabilities.None);
        string path = _temp.Write("experiment.yaml", "objective: {builtin: x2}\nsearch_space: {x: [1, 2]}\ntuner: drift\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), null, tuners));

        Assert.EndsWith("the drift tuner never runs out of configurations here; set \"num_samples\" or \"time_budget_seconds\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RegisteredTunerThatEnumeratesTheGrid_ExpectsOneRunPerGridPoint()
    {
        TunerCatalog tuners = TunerCatalog.WithBuiltInTuners();
        tuners.Register("sweep", () => new RenamedTuner("sweep", new GridTuner()), TunerCapabilities.EnumeratesGrid | TunerCapabilities.StopsWhenSpaceIsExhausted);
        string path = _temp.Write("experiment.yaml", "objective: {builtin: x2}\nsearch_space: {x: [1, 2, 3]}\ntuner: sweep\n");

        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), null, tuners);

        Assert.Equal(3, plan.ExpectedRuns);
    }

    [Fact]
    public void Validate_UnknownTuner_ListsTheCatalogsNames()
    {
        TunerCatalog tuners = TunerCatalog.WithBuiltInTuners();
        tuners.Register("anneal", () => new RenamedTuner("anneal", new RandomTuner()), TunerCapabilities.StopsWhenSpaceIsExhausted);
        string path = _temp.Write("experiment.yaml", "objective: {builtin: x2}\nnum_samples: 2\ntuner: bayes\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), null, tuners));

        Assert.EndsWith("unknown tuner \"bayes\"; expected one of: auto, grid, random, sobol, tpe, gp, cfo, blendsearch, nsga2, anneal", error.Message, StringComparison.Ordinal);
    }

    private ExperimentPlan Validate(string yaml, string? outputFolder = null) =>
        ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)), outputFolder);

    private sealed class RenamedTuner(string name, ITuner inner) : ITuner
    {
        public string Name => name;

        public void Initialize(TunerSetup setup) => inner.Initialize(setup);

        public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context) => inner.Suggest(context);

        public void Observe(RunResult run) => inner.Observe(run);
    }
}
