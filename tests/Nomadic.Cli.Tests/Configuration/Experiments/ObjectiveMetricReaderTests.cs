using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class ObjectiveMetricReaderTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_NoObjectives_IsNull()
    {
        Assert.Null(Read("").Objectives);
    }

    [Fact]
    public void Read_YamlList_KeepsNamesAndDirectionsInOrder()
    {
        ExperimentFile file = Read("objectives:\n  - {name: latency_ms, direction: minimize}\n  - {name: recall, direction: maximize}");

        Assert.Equal([new ObjectiveMetric("latency_ms", Direction.Minimize), new ObjectiveMetric("recall", Direction.Maximize)], file.Objectives);
    }

    [Fact]
    public void Read_JsonList_KeepsTheObjective()
    {
        string path = _temp.Write("e.json", """{"objective": {"builtin": "x2"}, "objectives": [{"name": "cost", "direction": "minimize"}]}""");

        Assert.Equal([new ObjectiveMetric("cost", Direction.Minimize)], ExperimentFileReader.Read(path).Objectives);
    }

    [Theory]
    [InlineData("objectives: latency", "\"objectives\" must be a list such as [{\"name\": \"latency_ms\", \"direction\": \"minimize\"}], got \"latency\"")]
    [InlineData("objectives: [latency]", "\"objectives[0]\" must be an object such as")]
    [InlineData("objectives: [{direction: minimize}]", "\"objectives[0]\" needs a \"name\"")]
    [InlineData("objectives: [{name: cost}]", "\"objectives[0]\" needs a \"direction\" (maximize or minimize)")]
    [InlineData("objectives: [{name: cost, direction: down}]", "\"objectives[0].direction\" must be maximize or minimize, got \"down\"")]
    [InlineData("objectives: [{name: cost, direction: minimize, weight: 2}]", "unknown key \"weight\" in \"objectives[0]\"")]
    [InlineData("objectives: [{name: a, direction: minimize}, {name: a, direction: maximize}]", "objective \"a\" is listed twice in \"objectives\"")]
    public void Read_InvalidObjectives_FailsInOneLineNamingTheProblem(string yaml, string expected)
    {
        string message = Assert.Throws<InputException>(() => Read(yaml)).Message;

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(_temp.Path, "e.yaml") + ": line ", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Validate_Nsga2Tuner_CreatesTheTunerWithTheObjectives()
    {
        ExperimentFile file = Read("tuner: nsga2\nnum_samples: 4\nobjectives: [{name: cost, direction: minimize}]");

        using var storage = new Nomadic.Storage.InMemoryExperimentStorage();
        using var experiment = ExperimentFileValidator.Validate(file, null).CreateExperiment(null, new Nomadic.Cli.Storage.WorkerSettings(storage, null, TimeSpan.FromSeconds(30), null));

        Assert.IsType<Nomadic.Tuning.NsgaIITuner>(experiment.Options.Tuner);
        Assert.Equal([new ObjectiveMetric("cost", Direction.Minimize)], experiment.Options.Objectives);
    }

    private ExperimentFile Read(string yaml) => ExperimentFileReader.Read(_temp.Write("e.yaml", "objective: {builtin: x2}\n" + yaml + "\n"));
}
