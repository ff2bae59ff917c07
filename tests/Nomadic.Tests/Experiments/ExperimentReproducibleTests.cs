using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Experiments;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

/// <summary>Experiments with several runs at a time in run order (<see cref="ExperimentOptions.Reproducible"/>).</summary>
public class ExperimentReproducibleTests
{
    private const int Repetitions = 3;

    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(-3, 3), ["y"] = Tune.Uniform(-3, 3) };

    public static TheoryData<string> Tuners => ["tpe", "auto", "gp"];

    [Theory]
    [MemberData(nameof(Tuners))]
    public async Task RunAsync_ParallelRunsFinishingInRandomOrder_SameSeedGivesSameConfigurationsAndBest(string tuner)
    {
        var sequences = new List<string[]>();
        var bests = new List<string>();
        for (int i = 0; i < Repetitions; i++)
        {
            ExperimentResult result = await new Experiment(Space, SlowQuadratic, Options(tuner, concurrency: 2 + i)).RunAsync();

            Assert.Equal(24, result.Count);
            Assert.Equal(true, result.Metadata["reproducible"]);
            sequences.Add(Sequence(result));
            bests.Add(Describe(result.BestRunResult));
        }

        // A concurrency of 2, 3 and 4 differ, so each must equal a rerun of itself; finish orders vary between reruns.
        for (int i = 0; i < Repetitions; i++)
        {
            ExperimentResult again = await new Experiment(Space, SlowQuadratic, Options(tuner, concurrency: 2 + i)).RunAsync();
            Assert.Equal(sequences[i], Sequence(again));
            Assert.Equal(bests[i], Describe(again.BestRunResult));
        }
    }

    [Fact]
    public async Task RunAsync_InMemoryAndInStorage_GiveTheSameConfigurations()
    {
        ExperimentResult inMemory = await new Experiment(Space, SlowQuadratic, Options("tpe", concurrency: 3)).RunAsync();
        using var storage = new InMemoryExperimentStorage();

        ExperimentResult stored = await new Experiment(Space, SlowQuadratic, Options("tpe", concurrency: 3, storage: storage)).RunAsync();

        Assert.Equal(Sequence(inMemory), Sequence(stored));
        Assert.Equal(Sequence(inMemory), Sequence(storage.LoadResult("reproducible")!));
        Assert.Equal(true, stored.Metadata["reproducible"]);
    }

    [Fact]
    public async Task RunAsync_WithAPruner_PrunesTheSameRunsEveryTime()
    {
        string[] Pruned(ExperimentResult r) => [.. r.RunResults.Where(run => run.Status == RunStatus.Pruned).Select(run => run.TrialNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        ExperimentOptions Pruned3() => Options("tpe", concurrency: 3, pruner: new MedianPruner(new MedianPrunerOptions { StartupTrials = 2 }));

        ExperimentResult first = await new Experiment(Space, Objective.FromTrial(Stepwise), Pruned3()).RunAsync();
        ExperimentResult second = await new Experiment(Space, Objective.FromTrial(Stepwise), Pruned3()).RunAsync();

        Assert.NotEmpty(Pruned(first));
        Assert.Equal(Pruned(first), Pruned(second));
        Assert.Equal(Sequence(first), Sequence(second));
    }

    [Fact]
    public async Task RunAsync_WithoutRunOrder_SaysTheRunWasNotReproducible()
    {
        ExperimentResult result = await new Experiment(Space, SlowQuadratic, Options("tpe", concurrency: 2, reproducible: false)).RunAsync();

        Assert.Equal(false, result.Metadata["reproducible"]);
        Assert.Equal("Not reproducible: 2 runs ran at a time and the tpe tuner saw them in the order they finished; set reproducible to show them in run order.", result.Metadata["reproducibility"]);
    }

    [Fact]
    public void Ask_MoreTrialsOutThanRunsAtATime_Throws()
    {
        using var experiment = new Experiment(Space, _ => 0.0, Options("tpe", concurrency: 2));
        Trial first = experiment.Ask()!;
        Trial second = experiment.Ask()!;

        Assert.Throws<InvalidOperationException>(() => experiment.Ask());
        experiment.Tell(second, 1.0);
        Assert.Throws<InvalidOperationException>(() => experiment.Ask());
        experiment.Tell(first, 2.0);
        Assert.Equal(2, experiment.Ask()!.Number);
    }

    private static ExperimentOptions Options(string tuner, int concurrency, bool reproducible = true, IExperimentStorage? storage = null, IPruner? pruner = null) => new()
    {
        Name = "reproducible",
        Tuner = TunerCatalog.Default.Create(tuner),
        Seed = 5,
        NumSamples = 24,
        MaxConcurrentTrials = concurrency,
        Reproducible = reproducible,
        Storage = storage,
        Pruner = pruner,
    };

    // Sleeps a random time that does not depend on the seed, so runs finish in a different order every time.
    private static async Task<double> SlowQuadratic(IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        await Task.Delay(System.Random.Shared.Next(0, 12), ct);
        double x = (double)p["x"]!, y = (double)p["y"]!;
        return -((x - 1) * (x - 1)) - ((y + 0.5) * (y + 0.5));
    }

    private static async Task<RunResult> Stepwise(Trial trial, CancellationToken ct)
    {
        double x = (double)trial.Params["x"]!;
        for (int step = 0; step < 4; step++)
        {
            await Task.Delay(System.Random.Shared.Next(0, 6), ct);
            trial.Report(step, -Math.Abs(x - 1) * (step + 1));
            if (trial.ShouldPrune())
            {
                throw new TrialPrunedException();
            }
        }

        return new RunResult(-Math.Abs(x - 1), trial.Params);
    }

    private static string[] Sequence(ExperimentResult result) => [.. result.RunResults.OrderBy(r => r.TrialNumber).Select(Describe)];

    private static string Describe(RunResult run) => $"{run.TrialNumber}: {ParamValue.ToDisplayString(run.Params)}";
}
