using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_Quickstart_WritesSixtyRunsWithBaselineAndPrintsBest()
    {
        string folder = _temp.CopyFrom(Repository.Example("quickstart"), "quickstart", Repository.IsExampleSource);

        CliOutcome outcome = await CliRunner.RunAsync("run", Path.Combine(folder, "experiment.json"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(folder, "out", "results.json"));
        Assert.Equal(60, result.Count);
        Assert.Equal(Direction.Minimize, result.Direction);
        Assert.True(result.RunResults[result.BaselineIndex].IsBaseline);
        Assert.Equal("sgd", result.RunResults[result.BaselineIndex].Params["optimizer"]);
        Assert.True(File.Exists(Path.Combine(folder, "out", "results.csv")));
        Assert.Contains("run 60/60", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("(baseline)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Best run: run {result.BestRunResult.TrialNumber}, score", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("60 runs: 60 completed, 0 failed", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Results written to:", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GaussianProcessTuner_BeatsTheBaselineOnBranin()
    {
        string file = Path.Combine(_temp.Path, "gp.json");
        File.WriteAllText(file, """
            {
              "name": "gp",
              "objective": { "builtin": "branin" },
              "tuner": "gp",
              "seed": 3,
              "num_samples": 25,
              "current_params": { "x0": 0.0, "x1": 0.0 },
              "output": { "results": "out/results.json" }
            }
            """);

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(0, outcome.ExitCode);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(_temp.Path, "out", "results.json"));
        Assert.Equal(25, result.Count);
        Assert.True(result.BestRunResult.Score < 2.0, $"best {result.BestRunResult.Score}");
        Assert.True(result.BestRunResult.Score < result.RunResults[result.BaselineIndex].Score);
    }

    [Fact]
    public async Task Run_Quickstart_TopTableMarksBestAndBaseline()
    {
        string folder = _temp.CopyFrom(Repository.Example("quickstart"), "quickstart", Repository.IsExampleSource);

        CliOutcome outcome = await CliRunner.RunAsync("run", Path.Combine(folder, "experiment.json"));

        string[] table = outcome.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Top 10 of 60 runs (minimize)", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.Length > 0).ToArray();
        Assert.InRange(table.Length, 10, 11);
        Assert.Matches(@"^\s+1\s+\d+\s+\S+\s+best\b", table[0]);
        Assert.Contains(table, row => row.Contains("baseline", StringComparison.Ordinal));
    }

    [UnixFact]
    public async Task Run_CommandExample_RunsEachGridPointOnceWithTheFixedParam()
    {
        string folder = _temp.CopyFrom(Repository.Example("command"), "command", Repository.IsExampleSource);

        CliOutcome outcome = await CliRunner.RunAsync("run", Path.Combine(folder, "experiment.yaml"));

        Assert.Equal(0, outcome.ExitCode);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(folder, "out", "results.json"));
        Assert.All(result.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
        string[] points = result.RunResults.Select(r => $"{r.Params["model"]}/{r.Params["depth"]}").Order().ToArray();
        Assert.Equal(["a/1", "a/2", "b/1", "b/2"], points);
        Assert.All(result.RunResults, r => Assert.Equal("toy", r.Params["dataset"]));
        Assert.All(result.RunResults, r => Assert.Equal("toy", r.Metadata["dataset"]));
        Assert.Equal(4, ResultsJournal.Read(Path.Combine(folder, "out", "journal.jsonl")).Count);
        Assert.Equal(0.91, result.BestRunResult.Score, 9);
    }

    [UnixFact]
    public async Task Run_CommandExampleTwice_ResumesFromTheStorageWithoutRerunningOrRewritingTheJournal()
    {
        string folder = _temp.CopyFrom(Repository.Example("command"), "command", Repository.IsExampleSource);
        await CliRunner.RunAsync("run", Path.Combine(folder, "experiment.yaml"));

        CliOutcome second = await CliRunner.RunAsync("run", Path.Combine(folder, "experiment.yaml"));

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Resuming 'command-example': 4 runs already stored in ", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("run 1/4", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, ExperimentResult.Load(Path.Combine(folder, "out", "results.json")).Count);
        Assert.Equal(4, ResultsJournal.Read(Path.Combine(folder, "out", "journal.jsonl")).Count);
    }

    [UnixFact]
    public async Task Run_JournalHoldsRunsTheStorageLacks_FailsClearlyInsteadOfRunningThemAgain()
    {
        string folder = _temp.CopyFrom(Repository.Example("command"), "command", Repository.IsExampleSource);
        await CliRunner.RunAsync("run", Path.Combine(folder, "experiment.yaml"));
        File.Delete(Path.Combine(folder, "nomadic.db"));

        CliOutcome second = await CliRunner.RunAsync("run", Path.Combine(folder, "experiment.yaml"));

        second.AssertOneErrorLine(ExitCodes.Usage, "journal.jsonl: holds 4 runs that ", "move the journal away");
        Assert.Equal(4, ResultsJournal.Read(Path.Combine(folder, "out", "journal.jsonl")).Count);
    }

    [Fact]
    public async Task Run_JournalOpenElsewhereWithoutStorage_FailsInOneLineAndLeavesItAsItWas()
    {
        string file = ExperimentFiles.Builtin(_temp, "\"output\": {\"journal\": \"out/journal.jsonl\"}");
        string journal = _temp.File(Path.Combine("out", "journal.jsonl"));
        using ResultsJournal held = ResultsJournal.Open(journal, "library", Direction.Minimize, new SearchSpace { ["x"] = Tune.Uniform(-5, 5) });
        held.Append(new RunResult(1.0, new Dictionary<string, object?> { ["x"] = 1.0 }).WithTrialInfo(0, null, null, isBaseline: false));
        byte[] before = File.ReadAllBytes(journal);

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Failure, $"{journal}: another process has this results journal open; wait for it to end or choose another journal path");
        Assert.Equal(before, File.ReadAllBytes(journal));
    }

    [Fact]
    public async Task Run_OutDir_WritesOutputsUnderThatFolder()
    {
        string file = ExperimentFiles.Builtin(_temp, "\"output\": {\"results\": \"r/results.json\", \"csv\": \"r/results.csv\"}");
        string outDir = _temp.File("elsewhere");

        CliOutcome outcome = await CliRunner.RunAsync("run", file, "--out-dir", outDir);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(5, ExperimentResult.Load(Path.Combine(outDir, "r", "results.json")).Count);
        Assert.True(File.Exists(Path.Combine(outDir, "r", "results.csv")));
        Assert.False(Directory.Exists(_temp.File("r")));
    }

    [Fact]
    public async Task Run_NoOutput_SaysResultsWereNotSaved()
    {
        CliOutcome outcome = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Results not saved", outcome.Stdout, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Run_EveryRunFails_ExitsOneWithTheFirstError()
    {
        string file = ExperimentFiles.Command(_temp, "echo 'disk full' >&2; exit 3");

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Failure, "no run completed (3 failed)", "exited with code 3", "disk full");
        Assert.Equal(3, ExperimentResult.Load(_temp.File("out/results.json")).RunResults.Count(r => r.Status == RunStatus.Failed));
    }

    [UnixFact]
    public async Task Run_Cancelled_KeepsFinishedRunsKillsTheCommandAndExits130()
    {
        string file = ExperimentFiles.Command(
            _temp,
            """
            if [ "$1" = 3 ]; then
              echo $$ > started
              sleep 30
            fi
            echo "$1"
            """);
        using var cancel = new CancellationTokenSource();
        Task<CliOutcome> run = CliRunner.RunAsync(cancel.Token, "run", file);
        string marker = _temp.File("started");
        for (int i = 0; i < 200 && !File.Exists(marker); i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(100);
        cancel.Cancel();
        CliOutcome outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExitCodes.Interrupted, outcome.ExitCode);
        Assert.Contains("Interrupted: kept the 2 finished runs.", outcome.Stdout, StringComparison.Ordinal);
        ExperimentResult result = ExperimentResult.Load(_temp.File("out/results.json"));
        Assert.Equal([1, 2], result.RunResults.Select(r => (int)r.Params["x"]!).Order());
        Assert.All(result.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
        int pid = int.Parse(File.ReadAllText(marker).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}"), "the objective command still runs after cancellation");
    }

    public static TheoryData<string, string, string[]> BadFiles => new()
    {
        {
            "typo.json",
            "{\n  \"objective\": {\"builtin\": \"x2\"},\n  \"num_sample\": 5\n}",
            ["typo.json: line 3, column 3: unknown key \"num_sample\" in the experiment; did you mean \"num_samples\"?"]
        },
        {
            "nested.yaml",
            "objective: {builtin: x2}\nnum_samples: 3\nretries:\n  max_retrie: 2\n",
            ["nested.yaml: line 4, column 3: unknown key \"max_retrie\" in \"retries\"; did you mean \"max_retries\"?"]
        },
        {
            "malformed.json",
            "{\n  \"objective\": {\"builtin\": \"x2\"}\n  \"num_samples\": 5\n}",
            ["malformed.json: line 3, column 3: malformed JSON: "]
        },
        {
            "malformed.yaml",
            "objective:\n  builtin: x2\n num_samples: 5\n",
            ["malformed.yaml: line 3, column 2: malformed YAML: "]
        },
        {
            "tuner.yaml",
            "objective: {builtin: x2}\nnum_samples: 3\ntuner: bayes\n",
            ["tuner.yaml: line 3, column 8: unknown tuner \"bayes\"; expected one of: auto, grid, random, sobol, tpe, gp, cfo, blendsearch, nsga2"]
        },
        {
            "domain.yaml",
            "objective: {builtin: x2}\nnum_samples: 3\nsearch_space:\n  x: {type: loguniform, low: 0, high: 1}\n",
            ["domain.yaml: line 4, column 6: ", "Parameter 'x'", "loguniform bounds must be positive"]
        },
        {
            "kind.yaml",
            "objective: {builtin: x2}\nnum_samples: 3\nsearch_space:\n  x: {type: normal, low: 0, high: 1}\n",
            ["Parameter 'x'", "unknown type \"normal\""]
        },
        {
            "builtin.yaml",
            "objective: {builtin: brannin}\nnum_samples: 3\n",
            ["builtin.yaml: line 1, column 22: unknown built-in objective \"brannin\"; expected one of: branin, hartmann6, rosenbrock5, ackley5, levy4, lr_valley, mixed, x2, mixed5"]
        },
        {
            "command.yaml",
            "objective: {command: [no-such-program-nomadic, --x, \"{x}\"]}\nnum_samples: 3\nsearch_space: {x: [1, 2]}\n",
            ["command.yaml: line 1, column 22: objective command \"no-such-program-nomadic\" not found on PATH"]
        },
        {
            "script.yaml",
            "objective: {command: ./missing.sh}\nnum_samples: 3\nsearch_space: {x: [1, 2]}\n",
            ["objective command \"./missing.sh\" not found (or not executable) in "]
        },
        {
            "placeholder.yaml",
            "objective: {command: \"sh train.sh {lr}\"}\nnum_samples: 3\nsearch_space: {x: [1, 2]}\n",
            ["placeholder {lr} in \"objective.command\" names no parameter; parameters: x"]
        },
        {
            "type.json",
            "{\"objective\": {\"builtin\": \"x2\"}, \"num_samples\": \"many\"}",
            ["type.json: line 1, column 49: \"num_samples\" must be an integer, at least 1, got \"many\""]
        },
        {
            "direction.yaml",
            "objective: {builtin: x2}\nnum_samples: 3\ndirection: max\n",
            ["\"direction\" must be maximize or minimize, got \"max\""]
        },
        {
            "grid.yaml",
            "objective: {builtin: x2}\ntuner: grid\n",
            ["grid search cannot enumerate parameter \"x\""]
        },
        {
            "budget.yaml",
            "objective: {builtin: x2}\n",
            ["set \"num_samples\" or \"time_budget_seconds\""]
        },
        {
            "fixed.yaml",
            "objective: {builtin: x2}\nnum_samples: 3\nfixed_params: {x: 1}\n",
            ["parameter \"x\" is both in \"search_space\" and in \"fixed_params\""]
        },
        {
            "noobjective.yaml",
            "num_samples: 3\n",
            ["noobjective.yaml: the experiment has no \"objective\""]
        },
        {
            "duplicate.json",
            "{\"objective\": {\"builtin\": \"x2\"}, \"num_samples\": 3, \"num_samples\": 4}",
            ["duplicate.json: line 1, column 52: duplicate key \"num_samples\""]
        },
        {
            "experiment.toml",
            "name = 'x'",
            ["experiment.toml: unsupported file type \".toml\" (expected .json, .yaml or .yml)"]
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Run_BadFile_PrintsOneErrorLineAndExitsTwo(string name, string content, string[] fragments)
    {
        string file = _temp.Write(name, content);

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, fragments);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public async Task Run_MissingFile_PrintsOneErrorLineAndExitsTwo()
    {
        CliOutcome outcome = await CliRunner.RunAsync("run", _temp.File("nowhere.json"));

        outcome.AssertOneErrorLine(ExitCodes.Usage, "nowhere.json: no such file");
    }

    [Fact]
    public async Task Run_BuiltinWhoseSpaceMissesParameters_NamesThemExitsTwoAndStoresNothing()
    {
        string file = _temp.Write(
            "mixed.yaml",
            "objective: {builtin: mixed}\nnum_samples: 3\nsearch_space:\n  optimizer: [adam, sgd]\n  lr: {type: loguniform, low: 0.0001, high: 0.1}\n");

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "mixed.yaml: ", "built-in objective \"mixed\" needs parameters \"layers\", \"dropout\", missing from \"search_space\"");
        Assert.Equal("", outcome.Stdout);
        Assert.False(File.Exists(_temp.File("nomadic.db")));
    }
}
