using Nomadic.Cli;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Storage;
using Nomadic.Cli.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class WarmStartReaderTests : IDisposable
{
    private const string ConditionalSpace = """
        search_space:
          optimizer: [sgd, adam]
          momentum: {type: choice, values: [0.0, 0.9], when: {optimizer: sgd}}
          layers: {type: randint, low: 1, high: 3}
        """;

    private readonly TemporaryDirectory _temp = new();
    private readonly InMemoryExperimentStorage _storage = new();

    public void Dispose()
    {
        _storage.Dispose();
        _temp.Dispose();
    }

    [UnixFact]
    public async Task RunAsync_ConditionalSpaceWithEnqueueAndWarmStart_RunsEnqueuedFirstAndSkipsPriorRuns()
    {
        string prior = _temp.File("prior.json");
        new ExperimentResult(new Nomadic.Tuning.SearchSpace(), [new RunResult(5, new Dictionary<string, object?> { ["optimizer"] = "adam", ["layers"] = 2 })]).Save(prior);
        string path = Write("""
            tuner: grid
            enqueue:
              - {optimizer: sgd, momentum: 0.9, layers: 2}
            warm_start: prior.json
            """);

        ExperimentResult result = await RunAsync(path);

        Assert.Equal(5, result.Count);
        Assert.Equal(new Dictionary<string, object?> { ["optimizer"] = "sgd", ["momentum"] = 0.9, ["layers"] = 2 }, result.RunResults[0].Params);
        Assert.DoesNotContain(result.RunResults, r => r.Params["optimizer"] is "adam" && r.Params["layers"] is 2);
        Assert.All(result.RunResults.Where(r => r.Params["optimizer"] is "adam"), r => Assert.False(r.Params.ContainsKey("momentum")));
    }

    [Theory]
    [InlineData("enqueue:\n  - {optimizer: sgd, layers: 1}", "\"enqueue[0]\" is outside the search space: 'momentum' has no value")]
    [InlineData("enqueue:\n  - {optimizer: adam, layers: 7}", "\"enqueue[0]\" is outside the search space: 'layers' = 7 is outside randint(1, 3)")]
    [InlineData("enqueue: {optimizer: adam}", "\"enqueue\" must be a list of parameter objects")]
    [InlineData("warm_start: missing.json", "\"warm_start\": no such file")]
    public void Validate_BadEnqueueOrWarmStart_IsOneLineNamingTheProblem(string settings, string expected)
    {
        string path = Write("tuner: grid\n" + settings);

        var error = Assert.Throws<InputException>(() => ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outputFolder: null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Validate_WhenOnUnknownParameter_PointsAtTheParameter()
    {
        string path = _temp.Write("bad.yaml", "objective: {builtin: branin}\nsearch_space:\n  x0: {type: uniform, low: 0, high: 1, when: {mode: a}}\n  x1: {type: uniform, low: 0, high: 1}\nnum_samples: 3\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outputFolder: null));

        Assert.Contains("bad.yaml: line 3,", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mode', which must be declared before it", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TunerNames))]
    public async Task RunAsync_EveryCatalogTuner_RunsTheBudget(string tuner)
    {
        string path = _temp.Write($"{tuner}.yaml", $"name: t-{tuner}\nobjective: {{builtin: mixed}}\ntuner: {tuner}\nseed: 2\nnum_samples: 12\n");

        ExperimentResult result = await RunAsync(path);

        Assert.Equal(12, result.Count);
        Assert.Equal(tuner, result.Metadata["tuner"]);
    }

    public static TheoryData<string> TunerNames => [.. TunerCatalog.Default.Names.Where(n => n != "grid")];

    [Fact]
    public void Validate_WarmStartNamesASqliteStorage_SaysToExportAResultFirstWithoutReadingIt()
    {
        string database = _temp.Write("nomadic.db", "");
        string path = Write("tuner: grid\nwarm_start: nomadic.db");

        var error = Assert.Throws<InputException>(() => ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outputFolder: null));

        Assert.Contains($"\"warm_start\": {database} is a SQLite storage, not a results file; export an experiment from it first", error.Message, StringComparison.Ordinal);
    }

    private string Write(string settings) =>
        _temp.Write("experiment.yaml", "name: warm\nobjective:\n  command: [sh, -c, \"echo 1\"]\n" + ConditionalSpace + "\n" + settings + "\n");

    private async Task<ExperimentResult> RunAsync(string path)
    {
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outputFolder: null);
        using Experiment experiment = plan.CreateExperiment(null, new WorkerSettings(_storage, "test", TimeSpan.FromSeconds(30), null));
        return await experiment.RunAsync();
    }
}
