using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Commands;

/// <summary><c>nomadic run</c> with several runs at a time: <c>reproducible: true</c>, <c>--reproducible</c> and the summary line.</summary>
public sealed class RunCommandReproducibleTests : IDisposable
{
    // Sleeps a random time the seed does not decide, so the runs finish in a different order every time.
    private const string SlowObjective = """
        import random, sys, time
        time.sleep(random.uniform(0, 0.08))
        x, y = float(sys.argv[1]), float(sys.argv[2])
        print(-(x - 0.3) ** 2 - (y + 0.2) ** 2)
        """;

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public async Task Run_ReproducibleWithRunsFinishingInRandomOrder_TwoFreshRunsMakeTheSameRunsAndBest()
    {
        string first = Experiment("first", "reproducible: true\n");
        string second = Experiment("second", "reproducible: true\n");

        CliOutcome one = await CliRunner.RunAsync("run", first);
        CliOutcome two = await CliRunner.RunAsync("run", second);

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        ExperimentResult a = Result("first"), b = Result("second");
        Assert.Equal(16, a.Count);
        Assert.Equal(Sequence(a), Sequence(b));
        Assert.Equal(a.BestRunResult.TrialNumber, b.BestRunResult.TrialNumber);
        Assert.Equal(true, a.Metadata["reproducible"]);
        Assert.Contains("Reproducible: 3 runs at a time, shown to the tuner in run order.", one.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ParallelWithoutReproducible_SummaryAndResultsSayNotReproducibleAndWhy()
    {
        string file = _temp.Write("parallel.yaml", """
            name: parallel
            objective: {builtin: branin}
            tuner: tpe
            seed: 3
            num_samples: 12
            max_concurrent_trials: 2
            output: {results: out/results.json}
            """);

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        const string Line = "Not reproducible: 2 runs ran at a time and the tpe tuner saw them in the order they finished; set reproducible to show them in run order.";
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(Line, outcome.Stdout.Split('\n'));
        ExperimentResult result = ExperimentResult.Load(Path.Combine(_temp.Path, "out", "results.json"));
        Assert.Equal(false, result.Metadata["reproducible"]);
        Assert.Equal(Line, result.Metadata["reproducibility"]);
    }

    [Fact]
    public async Task Run_ReproducibleFlag_ShowsRunsInRunOrderWithoutTheKey()
    {
        string file = _temp.Write("flag.yaml", """
            name: flag
            objective: {builtin: branin}
            tuner: tpe
            seed: 3
            num_samples: 12
            max_concurrent_trials: 2
            output: {results: out/results.json}
            """);

        CliOutcome outcome = await CliRunner.RunAsync("run", file, "--reproducible");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Reproducible: 2 runs at a time, shown to the tuner in run order.", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(true, ExperimentResult.Load(Path.Combine(_temp.Path, "out", "results.json")).Metadata["reproducible"]);
    }

    [Fact]
    public async Task Run_ResumedExperiment_SaysItContinuedFromStoredTrials()
    {
        string file = _temp.Write("resumed.yaml", """
            name: resumed
            objective: {builtin: branin}
            tuner: tpe
            seed: 3
            num_samples: 4
            output: {results: out/results.json}
            """);
        Assert.Equal(0, (await CliRunner.RunAsync("run", file)).ExitCode);
        File.WriteAllText(file, File.ReadAllText(file).Replace("num_samples: 4", "num_samples: 6", StringComparison.Ordinal));

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Contains("Not reproducible: it continued from 4 runs stored earlier, so the later runs depend on where those stopped.", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FinishedExperimentAgain_SaysNothingRanInsteadOfNotReproducible()
    {
        string file = _temp.Write("again.yaml", """
            name: again
            objective: {builtin: branin}
            tuner: tpe
            seed: 3
            num_samples: 4
            output: {results: out/results.json}
            """);
        CliOutcome first = await CliRunner.RunAsync("run", file);
        Assert.Contains("Reproducible: one run at a time", first.Stdout, StringComparison.Ordinal);

        CliOutcome again = await CliRunner.RunAsync("run", file);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Reproducibility not known: no run was made now; all 4 runs were stored earlier", again.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Not reproducible", again.Stdout, StringComparison.Ordinal);
    }

    private string Experiment(string folder, string extra)
    {
        _temp.Write(Path.Combine(folder, "objective.py"), SlowObjective);
        return _temp.Write(Path.Combine(folder, "experiment.yaml"), """
            name: slow
            objective:
              command: [python3, objective.py, "{x}", "{y}"]
              working_directory: .
            search_space:
              x: {type: uniform, low: -1, high: 1}
              y: {type: uniform, low: -1, high: 1}
            tuner: tpe
            seed: 7
            num_samples: 16
            max_concurrent_trials: 3
            output: {results: out/results.json}
            """ + "\n" + extra);
    }

    private ExperimentResult Result(string folder) => ExperimentResult.Load(Path.Combine(_temp.Path, folder, "out", "results.json"));

    private static string[] Sequence(ExperimentResult result) =>
        [.. result.RunResults.OrderBy(r => r.TrialNumber).Select(r => $"{r.TrialNumber}: {r.Params["x"]}, {r.Params["y"]}")];
}
