using Microsoft.Extensions.Time.Testing;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class ExperimentTests
{
    private static readonly Dictionary<string, object?> NoParams = [];

    [Fact]
    public async Task RunAsync_GridWithFixedParam_RunsEachCombinationOnceWithTheFixedParam()
    {
        var space = new SearchSpace { ["letter"] = Tune.Choice("a", "b"), ["n"] = Tune.RandInt(1, 3) };
        var options = new ExperimentOptions { Tuner = new GridTuner(), FixedParams = new Dictionary<string, object?> { ["model"] = "m1" } };
        var experiment = new Experiment(space, p => (int)p["n"]! + ((string)p["letter"]! == "b" ? 10 : 0), options);

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(4, result.Count);
        Assert.Equal(
            ["a1", "a2", "b1", "b2"],
            result.RunResults.Select(r => $"{r.Params["letter"]}{r.Params["n"]}"));
        Assert.All(result.RunResults, r => Assert.Equal("m1", r.Params["model"]));
        Assert.Equal(12.0, result.BestRunResult.Score);
        Assert.Equal("exhausted", result.Metadata["stop_reason"]);
    }

    [Fact]
    public async Task RunAsync_SameSeed_GivesSameConfigurations()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-1, 1), ["k"] = Tune.RandInt(0, 100), ["c"] = Tune.Choice("p", "q", "r") };
        ExperimentResult first = await new Experiment(space, p => (double)p["x"]!, new ExperimentOptions { NumSamples = 20, Seed = 42 }).RunAsync();
        ExperimentResult second = await new Experiment(space, p => (double)p["x"]!, new ExperimentOptions { NumSamples = 20, Seed = 42 }).RunAsync();
        ExperimentResult other = await new Experiment(space, p => (double)p["x"]!, new ExperimentOptions { NumSamples = 20, Seed = 43 }).RunAsync();

        Assert.Equal(20, first.Count);
        Assert.Equal(first.RunResults.Select(r => ParamText(r)), second.RunResults.Select(r => ParamText(r)));
        Assert.NotEqual(first.RunResults.Select(r => ParamText(r)), other.RunResults.Select(r => ParamText(r)));
        Assert.Equal(42, first.Metadata["seed"]);
        Assert.All(first.RunResults, r => Assert.True(space.Contains(r.Params)));
    }

    [Fact]
    public async Task RunAsync_CurrentParams_EvaluatedFirstOnceAndMarkedAsBaseline()
    {
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2, 3) };
        var options = new ExperimentOptions { Tuner = new GridTuner(), CurrentParams = new Dictionary<string, object?> { ["n"] = 2 } };

        ExperimentResult result = await new Experiment(space, p => (int)p["n"]!, options).RunAsync();

        Assert.Equal(3, result.Count);
        Assert.Equal(0, result.BaselineIndex);
        Assert.True(result.RunResults[0].IsBaseline);
        Assert.Equal(2, result.RunResults[0].Params["n"]);
        Assert.Single(result.RunResults, r => r.IsBaseline);
        Assert.Equal([2, 1, 3], result.RunResults.Select(r => (int)r.Params["n"]!));
    }

    [Fact]
    public async Task RunAsync_NumSamples_CountsTheBaseline()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        var options = new ExperimentOptions { NumSamples = 5, Seed = 1, CurrentParams = new Dictionary<string, object?> { ["x"] = 0.5 } };

        ExperimentResult result = await new Experiment(space, p => (double)p["x"]!, options).RunAsync();

        Assert.Equal(5, result.Count);
        Assert.Equal(Enumerable.Range(0, 5), result.RunResults.Select(r => r.TrialNumber));
        Assert.Equal("num_samples", result.Metadata["stop_reason"]);
    }

    [Fact]
    public async Task RunAsync_ObjectiveThrows_RecordsFailedRunAndContinues()
    {
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2, 3) };
        var experiment = new Experiment(space, p => (int)p["n"]! == 2 ? throw new InvalidDataException("bad batch\nsecond line") : 1.0);

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(3, result.Count);
        RunResult failed = result.RunResults[1];
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal("InvalidDataException: bad batch second line", failed.Error);
        Assert.True(double.IsNaN(failed.Score));
        Assert.Equal(0, result.BestIndex);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task RunAsync_NonFiniteScore_RecordsFailedRunNamingTheScore(double score)
    {
        var space = new SearchSpace { ["n"] = Tune.Choice(1) };

        ExperimentResult result = await new Experiment(space, _ => score).RunAsync();

        RunResult run = Assert.Single(result.RunResults);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("not a finite number", run.Error, StringComparison.Ordinal);
        Assert.Equal(-1, result.BestIndex);
    }

    [Fact]
    public async Task RunAsync_AsyncObjectiveReturningRunResult_KeepsMetadataAndUsesTrialParams()
    {
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2) };
        var experiment = new Experiment(space, async (p, ct) =>
        {
            await Task.Yield();
            return new RunResult((int)p["n"]!, NoParams, new Dictionary<string, object?> { ["tokens"] = 10 * (int)p["n"]! });
        });

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal([10, 20], result.RunResults.Select(r => (int)r.Metadata["tokens"]!));
        Assert.Equal([1, 2], result.RunResults.Select(r => (int)r.Params["n"]!));
        Assert.All(result.RunResults, r => Assert.NotNull(r.Duration));
        Assert.All(result.RunResults, r => Assert.NotNull(r.StartedAt));
    }

    [Fact]
    public async Task RunAsync_AsyncObjectiveSlowerThanTimeout_FailsAsTimedOut()
    {
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2) };
        var options = new ExperimentOptions { TrialTimeout = TimeSpan.FromMilliseconds(50) };
        var experiment = new Experiment(space, async (p, ct) =>
        {
            if ((int)p["n"]! == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return 1.0;
        }, options);

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(RunStatus.Failed, result.RunResults[0].Status);
        Assert.StartsWith("timed out after 0.05 s", result.RunResults[0].Error, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Completed, result.RunResults[1].Status);
    }

    [Fact]
    public async Task RunAsync_BlockingObjectiveSlowerThanTimeout_FailsWithoutWaitingForIt()
    {
        var space = new SearchSpace { ["n"] = Tune.Choice(1) };
        using var release = new ManualResetEventSlim();
        var options = new ExperimentOptions { TrialTimeout = TimeSpan.FromMilliseconds(50) };
        var experiment = new Experiment(space, p =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return 1.0;
        }, options);

        ExperimentResult result = await experiment.RunAsync();
        release.Set();

        Assert.Equal(RunStatus.Failed, Assert.Single(result.RunResults).Status);
        Assert.Contains("timed out", result.RunResults[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TransientFailures_AreRetriedUntilSuccess()
    {
        var space = new SearchSpace { ["n"] = Tune.Choice(1) };
        int attempts = 0;
        var options = new ExperimentOptions { Retry = new RetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } };
        var experiment = new Experiment(space, _ => ++attempts < 3 ? throw new HttpRequestException("429 Too Many Requests") : 0.7, options);

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(3, attempts);
        Assert.Equal(0.7, Assert.Single(result.RunResults).Score);
    }

    [Fact]
    public async Task RunAsync_RetriesExhaustedOrNotTransient_FailsWithTheLastError()
    {
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2) };
        int attempts = 0;
        var options = new ExperimentOptions
        {
            Retry = new RetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), ShouldRetry = e => e is HttpRequestException },
        };
        var experiment = new Experiment(space, (Func<IReadOnlyDictionary<string, object?>, double>)(p =>
        {
            Interlocked.Increment(ref attempts);
            if ((int)p["n"]! == 1)
            {
                throw new HttpRequestException("503");
            }

            throw new ArgumentException("bug");
        }), options);

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(4, attempts);
        Assert.Equal("HttpRequestException: 503", result.RunResults[0].Error);
        Assert.Equal("ArgumentException: bug", result.RunResults[1].Error);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsTheRunsFinishedSoFar()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        using var cancel = new CancellationTokenSource();
        var finished = new List<RunResult>();
        var options = new ExperimentOptions { NumSamples = 1000, Seed = 3, Progress = new SynchronousProgress(r => { finished.Add(r); if (finished.Count == 3) { cancel.Cancel(); } }) };
        var experiment = new Experiment(space, async (p, ct) =>
        {
            await Task.Delay(finished.Count >= 3 ? 30_000 : 1, ct);
            return 1.0;
        }, options);

        ExperimentResult result = await experiment.RunAsync(cancel.Token);

        Assert.Equal(3, result.Count);
        Assert.Equal("cancelled", result.Metadata["stop_reason"]);
        Assert.Equal(finished.Select(r => r.TrialNumber), result.RunResults.Select(r => r.TrialNumber));
    }

    [Fact]
    public async Task RunAsync_TimeBudget_StopsStartingRuns()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        var clock = new FakeTimeProvider();
        var options = new ExperimentOptions { TimeBudget = TimeSpan.FromMinutes(5), Seed = 3, TimeProvider = clock };
        int runs = 0;
        var experiment = new Experiment(space, p =>
        {
            clock.Advance(TimeSpan.FromMinutes(++runs == 4 ? 2 : 1));
            return 1.0;
        }, options);

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(4, result.Count);
        Assert.Equal("time_budget", result.Metadata["stop_reason"]);
        Assert.All(result.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
    }

    [Fact]
    public async Task RunAsync_Concurrent_RespectsTheLimitAndNeverRepeatsAConfiguration()
    {
        var space = new SearchSpace { ["a"] = Tune.RandInt(0, 10), ["b"] = Tune.RandInt(0, 10) };
        int running = 0, peak = 0;
        var options = new ExperimentOptions { MaxConcurrentTrials = 4, Tuner = new GridTuner() };
        var experiment = new Experiment(space, async (p, ct) =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(2, ct);
            Interlocked.Decrement(ref running);
            return (int)p["a"]! * 10 + (int)p["b"]!;
        }, options);

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(100, result.Count);
        Assert.Equal(100, result.RunResults.Select(ParamText).Distinct().Count());
        Assert.InRange(peak, 2, 4);
        Assert.Equal(Enumerable.Range(0, 100), result.RunResults.Select(r => r.TrialNumber));
        Assert.Equal(99.0, result.BestRunResult.Score);
    }

    [Fact]
    public async Task RunAsync_RandomSearchOnSmallFiniteSpace_StopsWhenEveryConfigurationWasRun()
    {
        var space = new SearchSpace { ["c"] = Tune.Choice("x", "y", "z") };
        var experiment = new Experiment(space, _ => 1.0, new ExperimentOptions { Tuner = new RandomTuner(), NumSamples = 50, Seed = 9 });

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(3, result.Count);
        Assert.Equal("exhausted", result.Metadata["stop_reason"]);
    }

    [Fact]
    public async Task RunAsync_AllowRepeats_EvaluatesTheSameConfigurationAgain()
    {
        var space = new SearchSpace { ["c"] = Tune.Choice("x") };
        var experiment = new Experiment(space, _ => 1.0, new ExperimentOptions { Tuner = new RandomTuner(), NumSamples = 4, AllowRepeats = true, Seed = 9 });

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(4, result.Count);
    }

    [Fact]
    public async Task RunAsync_CalledTwice_Throws()
    {
        var experiment = new Experiment(new SearchSpace { ["c"] = Tune.Choice(1) }, _ => 1.0);
        await experiment.RunAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => experiment.RunAsync());
    }

    [Fact]
    public void AskTell_ManualLoop_RecordsRunsAndRejectsDoubleTell()
    {
        var experiment = new Experiment(new SearchSpace { ["n"] = Tune.Choice(1, 2) }, _ => 0.0, new ExperimentOptions { Direction = Direction.Minimize });
        Trial first = experiment.Ask()!;
        Trial second = experiment.Ask()!;

        experiment.Tell(second, 0.2);
        RunResult recorded = experiment.Tell(first, new RunResult(0.5, NoParams, new Dictionary<string, object?> { ["note"] = "x" }));

        Assert.Null(experiment.Ask());
        Assert.Equal(0, recorded.TrialNumber);
        Assert.Equal(1, recorded.Params["n"]);
        Assert.Throws<InvalidOperationException>(() => experiment.Tell(first, 0.1));
        ExperimentResult result = experiment.Result;
        Assert.Equal([0, 1], result.RunResults.Select(r => r.TrialNumber));
        Assert.Equal(1, result.BestIndex);
    }

    [Fact]
    public void Tell_CompletedOutcomeWithInfiniteScore_RecordsAFailedRunKeepingItsMetadata()
    {
        var experiment = new Experiment(new SearchSpace { ["n"] = Tune.Choice(1, 2) }, _ => 0.0, new ExperimentOptions());
        Trial trial = experiment.Ask()!;

        RunResult recorded = experiment.Tell(trial, new RunResult(double.PositiveInfinity, NoParams, new Dictionary<string, object?> { ["loss"] = "diverged" }));

        Assert.Equal(RunStatus.Failed, recorded.Status);
        Assert.Contains("not a finite number", recorded.Error, StringComparison.Ordinal);
        Assert.Equal("diverged", recorded.Metadata["loss"]);
        Assert.Equal(RunStatus.Failed, Assert.Single(experiment.Result.RunResults).Status);
    }

    [Fact]
    public void Abandon_GivesTheConfigurationBack()
    {
        var experiment = new Experiment(new SearchSpace { ["n"] = Tune.Choice(1) }, _ => 0.0);
        Trial trial = experiment.Ask()!;

        experiment.Abandon(trial);
        Trial again = experiment.Ask()!;

        Assert.Equal(1, again.Params["n"]);
        Assert.NotEqual(trial.Number, again.Number);
    }

    [Fact]
    public void Constructor_InvalidSettings_ThrowWithClearMessages()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };

        Assert.Contains("NumSamples", Assert.Throws<ArgumentException>(() => new Experiment(space, _ => 0.0, new ExperimentOptions { NumSamples = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentTrials", Assert.Throws<ArgumentException>(() => new Experiment(space, _ => 0.0, new ExperimentOptions { NumSamples = 1, MaxConcurrentTrials = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("set NumSamples or TimeBudget", Assert.Throws<ArgumentException>(() => new Experiment(space, _ => 0.0)).Message, StringComparison.Ordinal);
        Assert.Contains("Fixed parameter 'x'", Assert.Throws<ArgumentException>(() => new Experiment(space, _ => 0.0, new ExperimentOptions { NumSamples = 1, FixedParams = new Dictionary<string, object?> { ["x"] = 1 } })).Message, StringComparison.Ordinal);
        SearchSpaceException grid = Assert.Throws<SearchSpaceException>(() => new Experiment(space, _ => 0.0, new ExperimentOptions { Tuner = new GridTuner() }));
        Assert.Equal("Parameter 'x': uniform is continuous and grid search cannot enumerate it; use Choice, GridSearch, RandInt or QUniform, or random search.", grid.Message);
    }

    [Fact]
    public async Task RunAsync_DefaultTuner_IsGridForFiniteSpaceAndAutoOtherwise()
    {
        ExperimentResult grid = await new Experiment(new SearchSpace { ["n"] = Tune.RandInt(0, 3) }, _ => 0.0).RunAsync();
        ExperimentResult random = await new Experiment(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, _ => 0.0, new ExperimentOptions { NumSamples = 2 }).RunAsync();

        Assert.Equal("grid", grid.Metadata["tuner"]);
        Assert.Equal(3, grid.Count);
        Assert.Equal("auto", random.Metadata["tuner"]);
    }

    private static string ParamText(RunResult run) => string.Join(",", run.Params.Select(kv => $"{kv.Key}={kv.Value}"));

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class SynchronousProgress(Action<RunResult> report) : IProgress<RunResult>
    {
        public void Report(RunResult value) => report(value);
    }
}
