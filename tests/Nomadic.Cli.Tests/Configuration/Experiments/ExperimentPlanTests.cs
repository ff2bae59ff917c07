using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Storage;
using Nomadic.Cli.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class ExperimentPlanTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly InMemoryExperimentStorage _storage = new();

    public void Dispose()
    {
        _storage.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void CreateExperiment_PrunerAndRepeats_AreTheExperimentsOptions()
    {
        string path = ExperimentFiles.Builtin(_temp, "\"repeats\": 2, \"pruner\": {\"type\": \"hyperband\", \"max_resource\": 27}");
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outputFolder: null);

        using Experiment experiment = plan.CreateExperiment(null, Worker());

        Assert.Equal(2, experiment.Options.Repeats);
        Assert.Equal(27, Assert.IsType<HyperbandPruner>(experiment.Options.Pruner).Options.MaxResource);
    }

    [Fact]
    public void CreateExperiment_NoPrunerNorRepeats_DefaultsApply()
    {
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(ExperimentFiles.Builtin(_temp)), outputFolder: null);

        using Experiment experiment = plan.CreateExperiment(null, Worker());

        Assert.Equal(1, experiment.Options.Repeats);
        Assert.Null(experiment.Options.Pruner);
    }

    [Fact]
    public async Task RunAsync_SobolTuner_RunsQuasiRandomSearch()
    {
        string path = _temp.Write("sobol.yaml", "name: sobol\nobjective: {builtin: branin}\ntuner: sobol\nseed: 4\nnum_samples: 8\n");
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outputFolder: null);

        using Experiment experiment = plan.CreateExperiment(null, Worker());
        ExperimentResult result = await experiment.RunAsync();

        Assert.IsType<QuasiRandomTuner>(experiment.Options.Tuner);
        Assert.Equal("sobol", result.Metadata["tuner"]);
        Assert.Equal(8, result.Count);
        Assert.Equal(8, result.RunResults.Select(r => r.Params["x0"]).Distinct().Count());
    }

    [UnixFact]
    public async Task RunAsync_CommandPrintingStepsWithAPrunerInTheFile_PrunesTheWorseRun()
    {
        // Minimizing over x = 1, 2, 3: the first two complete and x = 3 reports 3 at step 0, above their median 1.5.
        string script = """
            for i in 0 1 2; do echo "{\"step\": $i, \"value\": $1}"; done
            echo "$1"
            """;
        string path = ExperimentFiles.Command(_temp, script, "direction: minimize\npruner: {type: median, startup_trials: 2}\nrepeats: 2");
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outputFolder: null);

        using Experiment experiment = plan.CreateExperiment(null, Worker());
        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal([RunStatus.Completed, RunStatus.Completed, RunStatus.Pruned], result.RunResults.Select(r => r.Status));
        Assert.Equal(3.0, result.RunResults[2].Score);
        Assert.Equal([1.0, 1.0], Assert.IsType<List<double>>(result.RunResults[0].Metadata["score_values"]));
        Assert.Equal(1.0, result.BestRunResult.Score);
    }

    [UnixFact]
    public async Task RunAsync_SqliteStorage_KeepsTheRunsLearningCurves()
    {
        string script = """
            for i in 0 1 2; do echo "{\"step\": $i, \"value\": $1.$i}"; done
            echo "$1"
            """;
        string path = ExperimentFiles.Command(_temp, script, "pruner: asha");
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outputFolder: null);
        using IExperimentStorage sqlite = StorageUrl.Parse("sqlite:curves.db", _temp.Path).Open();

        using (Experiment experiment = plan.CreateExperiment(null, new WorkerSettings(sqlite, "test", TimeSpan.FromSeconds(30), null)))
        {
            await experiment.RunAsync();
        }

        using IExperimentStorage reopened = StorageUrl.Parse("sqlite:curves.db", _temp.Path).Open();
        ExperimentResult stored = reopened.LoadResult("command")!;
        Assert.Equal(3, stored.Count);
        Assert.All(stored.RunResults, r => Assert.Equal(3, r.IntermediateValues.Count));
        Assert.Equal([new(0, 2.0), new(1, 2.1), new(2, 2.2)], stored.RunResults[1].IntermediateValues);
    }

    private WorkerSettings Worker() => new(_storage, "test", TimeSpan.FromSeconds(30), null);
}
