using System.Text.Json;
using Nomadic.Cli.Objectives;
using Nomadic.Cli.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Objectives;

public sealed class CommandObjectiveTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public async Task EvaluateAsync_NumberOnLastLine_CompletesWithThatScore()
    {
        RunResult run = await RunOnceAsync("echo 'epoch 1'; echo '  0.8125  '; echo; echo '   '");

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(0.8125, run.Score);
    }

    [UnixFact]
    public async Task EvaluateAsync_JsonLine_KeepsScoreAndTypedMetadata()
    {
        RunResult run = await RunOnceAsync("""echo '{"score": 0.9, "metadata": {"epochs": 3, "loss": 0.25, "tag": "a", "ok": true, "curve": [1, 2]}}'""");

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(0.9, run.Score);
        Assert.Equal(3, run.Metadata["epochs"]);
        Assert.Equal(0.25, run.Metadata["loss"]);
        Assert.Equal("a", run.Metadata["tag"]);
        Assert.Equal(true, run.Metadata["ok"]);
        Assert.Equal([1, 2], Assert.IsType<List<object?>>(run.Metadata["curve"]));
    }

    [UnixFact]
    public async Task EvaluateAsync_NonZeroExit_FailsWithTheExitCodeAndTheLastFiveStderrLines()
    {
        RunResult run = await RunOnceAsync("for i in 1 2 3 4 5 6 7; do echo \"line $i\" >&2; done; echo 0.5; exit 4");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("CommandFailedException: the command exited with code 4; stderr: line 3 | line 4 | line 5 | line 6 | line 7", run.Error);
    }

    [UnixFact]
    public async Task EvaluateAsync_LongStderr_KeepsAtMostTheLast500Characters()
    {
        RunResult run = await RunOnceAsync("awk 'BEGIN { for (i = 0; i < 2000; i++) printf \"x\"; print \"END\" }' >&2; exit 1");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.EndsWith("xxxEND", run.Error, StringComparison.Ordinal);
        Assert.InRange(run.Error!.Length, 500, 600);
        Assert.DoesNotContain('\n', run.Error);
    }

    [UnixFact]
    public async Task EvaluateAsync_LastLineNotAScore_FailsQuotingTheLineAndStderr()
    {
        RunResult run = await RunOnceAsync("echo 'warning: slow' >&2; echo 'done training'");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("the last output line is not a score: \"done training\"", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("stderr: warning: slow", run.Error, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task EvaluateAsync_NothingOnStdout_Fails()
    {
        RunResult run = await RunOnceAsync("true");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("printed nothing on stdout", run.Error, StringComparison.Ordinal);
        Assert.Contains("stderr was empty", run.Error, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task EvaluateAsync_JsonWithoutScore_Fails()
    {
        RunResult run = await RunOnceAsync("""echo '{"metadata": {"a": 1}}'""");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("has no number \"score\"", run.Error, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task EvaluateAsync_Placeholders_AreReplacedByInvariantTextAsSingleArguments()
    {
        string log = _temp.File("args.txt");
        var space = new SearchSpace { ["lr"] = Tune.Choice(0.001), ["name"] = Tune.Choice("two words"), ["flag"] = Tune.Choice(true) };
        var spec = Spec($"printf '%s\\n' \"$@\" > '{log}'; echo 1", "--lr={lr}", "{name}", "{flag}", "{unknown}");

        await RunAsync(space, spec);

        Assert.Equal(["--lr=0.001", "two words", "true", "{unknown}"], File.ReadAllLines(log));
    }

    [UnixFact]
    public async Task EvaluateAsync_Environment_CarriesEachParameterTheTrialNumberAndTheParamsFile()
    {
        string log = _temp.File("env.txt");
        var space = new SearchSpace { ["learning_rate"] = Tune.Choice(0.5), ["batch-size"] = Tune.Choice(32) };
        var options = new ExperimentOptions { FixedParams = new Dictionary<string, object?> { ["model"] = "small" } };
        string script = $$"""
            {
              echo "$NOMADIC_PARAM_LEARNING_RATE"
              echo "$NOMADIC_PARAM_BATCH_SIZE"
              echo "$NOMADIC_PARAM_MODEL"
              echo "$NOMADIC_TRIAL_NUMBER"
              echo "$EXTRA"
              echo "$NOMADIC_PARAMS_FILE"
              cat "$NOMADIC_PARAMS_FILE"
            } > '{{log}}'
            echo 1
            """;
        var spec = Spec(script) with { Environment = new Dictionary<string, string> { ["EXTRA"] = "given" } };

        RunResult run = Assert.Single((await RunAsync(space, spec, options)).RunResults);

        Assert.Equal(RunStatus.Completed, run.Status);
        string[] lines = File.ReadAllLines(log);
        Assert.Equal(["0.5", "32", "small", "0", "given"], lines[..5]);
        Assert.False(File.Exists(lines[5]), "the params file is deleted after the run");
        using JsonDocument file = JsonDocument.Parse(string.Join('\n', lines[6..]));
        Assert.Equal("0.5", file.RootElement.GetProperty("learning_rate").GetRawText());
        Assert.Equal("32", file.RootElement.GetProperty("batch-size").GetRawText());
        Assert.Equal("\"small\"", file.RootElement.GetProperty("model").GetRawText());
    }

    [UnixFact]
    public async Task EvaluateAsync_DoubleWithoutFraction_KeepsItsTypeInTheParamsFile()
    {
        string log = _temp.File("params.json");
        var space = new SearchSpace { ["alpha"] = Tune.Choice(2.0) };

        await RunAsync(space, Spec($"cat \"$NOMADIC_PARAMS_FILE\" > '{log}'; echo 1"));

        Assert.Equal("{\"alpha\":2.0}", File.ReadAllText(log));
    }

    [UnixFact]
    public async Task EvaluateAsync_MegabytesOfOutput_DoesNotBlock()
    {
        RunResult run = await RunOnceAsync("awk 'BEGIN { for (i = 0; i < 100000; i++) { print \"noise \" i; print \"err \" i > \"/dev/stderr\" } }'; echo 0.25")
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(0.25, run.Score);
    }

    [UnixFact]
    public async Task EvaluateAsync_StdoutLineOverTheCap_FailsTheRunNamingTheCap()
    {
        RunResult run = await RunOnceAsync("head -c 20000000 /dev/zero | tr '\\0' x; echo; echo 0.5");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("CommandFailedException: the command printed a stdout line longer than 16,777,216 characters (16 MiB), the most read of a line; stderr was empty", run.Error);
    }

    [UnixFact]
    public async Task EvaluateAsync_TrialTimeout_KillsTheCommandAndFailsTheRun()
    {
        var options = new ExperimentOptions { TrialTimeout = TimeSpan.FromMilliseconds(300) };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        RunResult run = Assert.Single((await RunAsync(new SearchSpace { ["x"] = Tune.Choice(1) }, Spec("sleep 20; echo 1"), options)).RunResults);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("timed out", run.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [UnixFact]
    public async Task EvaluateAsync_StepLines_AreReportsAndTheLastOtherLineIsTheScore()
    {
        RunResult run = await RunOnceAsync("""
            echo '{"step": 0, "value": 0.5}'
            echo 'epoch 1 done'
            echo '{"step": 1, "value": 0.75}'
            echo '{"score": 0.8, "metadata": {"epochs": 2}}'
            echo '{"step": 2, "value": 0.9}'
            echo
            """);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal((0.8, 2), (run.Score, run.Metadata["epochs"]));
        Assert.Equal([new(0, 0.5), new(1, 0.75), new(2, 0.9)], run.IntermediateValues);
    }

    [UnixFact]
    public async Task EvaluateAsync_OnlyReports_FailsAskingForAScore()
    {
        RunResult run = await RunOnceAsync("""echo '{"step": 0, "value": 0.5}'""");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("printed only progress reports on stdout", run.Error, StringComparison.Ordinal);
        Assert.Single(run.IntermediateValues);
    }

    [UnixFact]
    public async Task EvaluateAsync_MalformedReport_KillsTheCommandAndFailsNamingTheLine()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        RunResult run = await RunOnceAsync("""echo '{"step": -2, "value": 0.5}'; sleep 30; echo 1""");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("""the report "{"step": -2, "value": 0.5}" needs a "step" that is an integer, 0 or more""", run.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [UnixFact]
    public async Task EvaluateAsync_PrunerStopsTheRun_KillsTheProcessTreeAndRecordsItPruned()
    {
        // q = 5 and 4 complete; q = 1 reports 1 at step 0 while its child sleeps, below the median 4.5 of the two.
        string script = """
            q="$1"
            echo $$ > "pid_$q"
            if [ "$q" = 1 ]; then sleep 30 & echo $! > child_1; fi
            for i in 0 1 2; do echo "{\"step\": $i, \"value\": $q}"; done
            wait
            echo "$q"
            """;
        var options = new ExperimentOptions { Tuner = new GridTuner(), Pruner = new MedianPruner(new MedianPrunerOptions { StartupTrials = 2 }) };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        ExperimentResult result = await RunAsync(new SearchSpace { ["q"] = Tune.Choice(5, 4, 1) }, Spec(script, "{q}"), options);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Equal([RunStatus.Completed, RunStatus.Completed, RunStatus.Pruned], result.RunResults.Select(r => r.Status));
        RunResult pruned = result.RunResults[2];
        Assert.Equal(1.0, pruned.Score);
        Assert.Equal([new IntermediateValue(0, 1)], pruned.IntermediateValues);
        Assert.False(IsAlive(ReadPid("pid_1")), "the command was killed");
        Assert.True(await GoneAsync(ReadPid("child_1")), "the command's child was killed");
        Assert.Equal(3, result.RunResults[0].IntermediateValues.Count);
    }

    [UnixFact]
    public async Task EvaluateAsync_ReportsWithoutPruner_RecordedAndTheRunCompletes()
    {
        RunResult run = await RunOnceAsync("""for i in 0 1 2 3; do echo "{\"step\": $i, \"value\": 0.$i}"; done; echo 0.3""");

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal([0.0, 0.1, 0.2, 0.3], run.IntermediateValues.Select(v => v.Value));
    }

    private int ReadPid(string file) => int.Parse(File.ReadAllText(_temp.File(file)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    // A process is alive until it is gone or a zombie waiting to be reaped.
    private static bool IsAlive(int pid)
    {
        if (Directory.Exists("/proc"))
        {
            string stat = $"/proc/{pid}/stat";
            try
            {
                string text = File.ReadAllText(stat);
                char state = text[(text.LastIndexOf(')') + 2)..][0];
                return state is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> GoneAsync(int pid)
    {
        for (int i = 0; i < 100 && IsAlive(pid); i++)
        {
            await Task.Delay(50);
        }

        return !IsAlive(pid);
    }

    private async Task<RunResult> RunOnceAsync(string script) =>
        Assert.Single((await RunAsync(new SearchSpace { ["x"] = Tune.Choice(1) }, Spec(script))).RunResults);

    private static async Task<ExperimentResult> RunAsync(SearchSpace space, CommandSpec spec, ExperimentOptions? options = null)
    {
        var experiment = new Experiment(space, new CommandObjective(spec), options);
        return await experiment.RunAsync();
    }

    private CommandSpec Spec(string script, params string[] arguments) =>
        new(ExecutableResolver.Resolve("sh", _temp.Path)!, ["-c", script, "sh", .. arguments], _temp.Path, new Dictionary<string, string>());
}
