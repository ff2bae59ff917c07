using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

/// <summary>Running a stored or journaled experiment again: failed runs are offered again, interrupted runs were never failures.</summary>
public sealed class ExperimentResumeTests : IDisposable
{
    private const int Budget = 6;
    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(0, 1) };
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-resume-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_AgainWithJournalAfterTheEndpointIsFixed_RunsTheFailedConfigurationsAsNewRuns()
    {
        string journal = Path.Combine(_directory, "runs.jsonl");
        var endpoint = new FlakyEndpoint();
        ExperimentResult failed = await Run(endpoint, new ExperimentOptions { JournalPath = journal });
        endpoint.IsUp = true;

        ExperimentResult again = await Run(endpoint, new ExperimentOptions { JournalPath = journal });

        Assert.Equal(Budget, failed.RunResults.Count(r => r.Status == RunStatus.Failed));
        Assert.Equal(Budget, again.Count);
        Assert.All(again.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(Configurations(failed), Configurations(again));
        Assert.Equal(Enumerable.Range(Budget, Budget), again.RunResults.Select(r => r.TrialNumber));
        Assert.Equal(Budget, (await Run(endpoint, new ExperimentOptions { JournalPath = journal })).Count);
        Assert.Equal(2 * Budget, endpoint.Calls);
    }

    [Fact]
    public async Task RunAsync_AgainWithJournalKeepingFailedRuns_RunsNothing()
    {
        string journal = Path.Combine(_directory, "keep.jsonl");
        var endpoint = new FlakyEndpoint();
        await Run(endpoint, new ExperimentOptions { JournalPath = journal });
        endpoint.IsUp = true;

        ExperimentResult again = await Run(endpoint, new ExperimentOptions { JournalPath = journal, RetryFailedRuns = false });

        Assert.Equal(Budget, again.RunResults.Count(r => r.Status == RunStatus.Failed));
        Assert.Equal(Budget, endpoint.Calls);
    }

    [Fact]
    public async Task RunAsync_AgainWithStorageAfterTheEndpointIsFixed_RunsTheFailedConfigurationsAsNewRuns()
    {
        using var storage = new InMemoryExperimentStorage();
        var endpoint = new FlakyEndpoint();
        ExperimentResult failed = await Run(endpoint, new ExperimentOptions { Storage = storage });
        endpoint.IsUp = true;

        ExperimentResult again = await Run(endpoint, new ExperimentOptions { Storage = storage });

        Assert.Equal(Budget, failed.RunResults.Count(r => r.Status == RunStatus.Failed));
        Assert.Equal(Budget, again.Count);
        Assert.All(again.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(Configurations(failed), Configurations(again));
        Assert.Equal(Budget, storage.LoadResult("endpoint")!.Count);
        Assert.Equal(Budget, storage.FindExperiment("endpoint")!.TrialCounts[TrialState.Abandoned]);
    }

    [Fact]
    public async Task RunAsync_AgainWithStorageKeepingFailedRuns_RunsNothing()
    {
        using var storage = new InMemoryExperimentStorage();
        var endpoint = new FlakyEndpoint();
        await Run(endpoint, new ExperimentOptions { Storage = storage });
        endpoint.IsUp = true;

        ExperimentResult again = await Run(endpoint, new ExperimentOptions { Storage = storage, RetryFailedRuns = false });

        Assert.Equal(Budget, again.RunResults.Count(r => r.Status == RunStatus.Failed));
        Assert.Equal(Budget, endpoint.Calls);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileTheObjectiveThrowsSomethingElse_RunIsNotFailedAndRunsNextTime()
    {
        string journal = Path.Combine(_directory, "interrupted.jsonl");
        using var storage = new InMemoryExperimentStorage();
        using var cancel = new CancellationTokenSource();
        var interrupted = new Experiment(Space, async (p, ct) =>
        {
            if ((double)p["x"]! >= 0.5)
            {
                await cancel.CancelAsync();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    throw new InvalidOperationException("Exiting due to terminate flag being set to true.");
                }
            }

            return 1.0;
        }, Options(new ExperimentOptions { Storage = storage, JournalPath = journal }));

        ExperimentResult stopped = await interrupted.RunAsync(cancel.Token);

        Assert.DoesNotContain(stopped.RunResults, r => r.Status == RunStatus.Failed);
        Assert.DoesNotContain(ExperimentResult.Load(journal).RunResults, r => r.Status == RunStatus.Failed);
        StoredTrial given = Assert.Single(storage.ReadTrials(storage.FindExperiment("endpoint")!.Id, 0), t => t.State != TrialState.Completed);
        Assert.Equal(TrialState.Abandoned, given.State);
        ExperimentResult resumed = await Run(new FlakyEndpoint { IsUp = true }, new ExperimentOptions { Storage = storage, JournalPath = journal, RetryFailedRuns = false });
        Assert.Equal(Budget, resumed.Count);
        Assert.Contains(resumed.RunResults, r => Equals(r.Params["x"], given.Params["x"]) && r.Status == RunStatus.Completed);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileTheObjectiveReportsAFailure_RunIsNotRecorded()
    {
        string journal = Path.Combine(_directory, "reported.jsonl");
        using var cancel = new CancellationTokenSource();
        var experiment = new Experiment(Space, async (p, ct) =>
        {
            await cancel.CancelAsync();
            return RunResult.Failed(p, "HttpRequestException: the request was cancelled");
        }, Options(new ExperimentOptions { JournalPath = journal }));

        ExperimentResult stopped = await experiment.RunAsync(cancel.Token);

        Assert.Empty(stopped.RunResults);
        Assert.Empty(ExperimentResult.Load(journal).RunResults);
    }

    private static async Task<ExperimentResult> Run(FlakyEndpoint endpoint, ExperimentOptions options)
    {
        using var experiment = new Experiment(Space, endpoint.Call, Options(options));
        return await experiment.RunAsync();
    }

    private static ExperimentOptions Options(ExperimentOptions options) => new()
    {
        Name = "endpoint",
        NumSamples = Budget,
        Seed = 3,
        Storage = options.Storage,
        JournalPath = options.JournalPath,
        RetryFailedRuns = options.RetryFailedRuns,
    };

    private static double[] Configurations(ExperimentResult result) => [.. result.RunResults.Select(r => (double)r.Params["x"]!).Order()];

    private sealed class FlakyEndpoint
    {
        public bool IsUp { get; set; }

        public int Calls { get; private set; }

        public double Call(IReadOnlyDictionary<string, object?> parameters)
        {
            Calls++;
            return IsUp ? (double)parameters["x"]! : throw new HttpRequestException("Connection refused (127.0.0.1:9)");
        }
    }
}
