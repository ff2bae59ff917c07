using System.Collections.Concurrent;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage.Sqlite.Tests;

public sealed class SqliteExperimentStorageTests : ExperimentStorageConformance
{
    private readonly TemporaryDirectory _folder = new();

    private string DatabasePath => _folder.File("nomadic.db");

    public override void Dispose()
    {
        base.Dispose();
        _folder.Dispose();
    }

    protected override IExperimentStorage CreateStorage() => new SqliteExperimentStorage(DatabasePath);

    [Fact]
    public void Constructor_MissingFolders_CreatesThemAndReportsTheFullPath()
    {
        string path = Path.Combine(_folder.Path, "a", "b", "runs.db");

        using var storage = new SqliteExperimentStorage(path);

        Assert.True(File.Exists(path));
        Assert.Equal(Path.GetFullPath(path), storage.Location);
        Assert.Equal("wal", SqliteFile.Sql(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public void Constructor_SecondStorageOnAnOpenFile_KeepsThisProcesssLockWhileAnotherProcessReads()
    {
        Storage.CreateOrOpenExperiment(Definition("mine"));
        using var second = new SqliteExperimentStorage(DatabasePath);

        ForeignSqliteClient.Read(DatabasePath, times: 3);

        Assert.Equal(Environment.ProcessId, ForeignSqliteClient.LockHolder(DatabasePath));
        Assert.True(File.Exists(DatabasePath + "-wal"), "the other process's close deleted the write-ahead log this process still uses");
        Assert.Equal("mine", Assert.Single(second.ListExperiments()).Name);
    }

    [Fact]
    public void TryClaim_TwoStoragesOnOneFileFromManyThreads_ClaimsEachKeyOnce()
    {
        long id = Storage.CreateOrOpenExperiment(Definition("shared")).Id;
        using var other = new SqliteExperimentStorage(DatabasePath);
        IExperimentStorage[] storages = [Storage, other];
        var claimed = new ConcurrentBag<(int Key, long TrialId)>();

        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, worker =>
        {
            IExperimentStorage storage = storages[worker % 2];
            for (int k = 0; k < 150; k++)
            {
                var request = new ClaimRequest(id, $"key{k}", new Dictionary<string, object?> { ["k"] = k }, false, $"w{worker}", Now, Now.AddMinutes(1), null);
                if (storage.TryClaim(request) is { Status: ClaimStatus.Claimed } claim)
                {
                    claimed.Add((k, claim.TrialId));
                    Assert.True(storage.FinishTrial(claim.TrialId, $"w{worker}", new RunResult(k, request.Params)));
                }
            }
        });

        Assert.Equal(Enumerable.Range(0, 150), claimed.Select(c => c.Key).Order());
        IReadOnlyList<StoredTrial> trials = other.ReadTrials(id, 0);
        Assert.Equal(Enumerable.Range(0, 150), trials.Select(t => t.Number).Order());
        Assert.Equal(300, trials.Max(t => t.Version));
        Assert.Equal(150, other.FindExperiment("shared")!.TrialCounts[TrialState.Completed]);
        Assert.Equal("ok", SqliteFile.Sql(DatabasePath, "PRAGMA integrity_check"));
    }

    [Fact]
    public void Dispose_ThenReopen_KeepsExperimentsTrialsAndVersions()
    {
        long id = Storage.CreateOrOpenExperiment(Definition("kept", Direction.Minimize)).Id;
        ClaimResult done = Claim(id, "a");
        ClaimResult running = Claim(id, "b", lease: new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));
        Storage.FinishTrial(done.TrialId, "w1", new RunResult(0.5, new Dictionary<string, object?> { ["k"] = "a" }));
        Storage.Dispose();

        using var reopened = new SqliteExperimentStorage(DatabasePath);

        StoredExperiment experiment = reopened.FindExperiment("kept")!;
        Assert.Equal(id, experiment.Id);
        Assert.Equal(Direction.Minimize, experiment.Direction);
        Assert.Equal(1, experiment.TrialCounts[TrialState.Completed]);
        Assert.Equal(1, experiment.TrialCounts[TrialState.Running]);
        IReadOnlyList<StoredTrial> trials = reopened.ReadTrials(id, 0);
        Assert.Equal([running.TrialId, done.TrialId], trials.Select(t => t.Id));
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), trials[0].LeaseExpiresAt);
        Assert.Equal(0.5, trials[1].Run!.Score);
        Assert.Equal(2, reopened.TryClaim(new ClaimRequest(id, "c", new Dictionary<string, object?>(), false, "w2", Now, Now.AddMinutes(1), null)).Number);
    }

    [Fact]
    public void FinishTrial_RunWithEveryValueType_RoundTripsThroughTheFile()
    {
        var settings = new Dictionary<string, object?> { ["num_samples"] = 10, ["big"] = 1L << 40, ["ratio"] = 2.0, ["on"] = false, ["none"] = null, ["tags"] = new List<object?> { "a", 1, 0.5 } };
        long id = Storage.CreateOrOpenExperiment(new ExperimentDefinition("types", Direction.Maximize, Space, settings)).Id;
        var parameters = new Dictionary<string, object?> { ["opt"] = "adam", ["n"] = 7, ["lr"] = 1e-3 };
        long trialId = Storage.TryClaim(new ClaimRequest(id, "t", parameters, true, "w1", Now, Now.AddMinutes(1), null)).TrialId;
        var metadata = new Dictionary<string, object?>
        {
            ["int"] = 42, ["long"] = 5_000_000_000L, ["double"] = 3.25, ["whole_double"] = 4.0, ["bool"] = true, ["string"] = "näive \"quoted\"\n",
            ["null"] = null, ["list"] = new List<object?> { 1, "two", 3.0, null }, ["nested"] = new Dictionary<string, object?> { ["x"] = new List<object?> { true } },
        };
        var started = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
        Storage.FinishTrial(trialId, "w1", new RunResult(-1.5, parameters, metadata) { Status = RunStatus.Pruned, StartedAt = started, Duration = TimeSpan.FromSeconds(2.5) });
        Storage.Dispose();

        using var reopened = new SqliteExperimentStorage(DatabasePath);
        StoredTrial trial = reopened.ReadTrials(id, 0).Single();
        RunResult run = trial.Run!;

        Assert.Equal(TrialState.Pruned, trial.State);
        Assert.Equal((RunStatus.Pruned, -1.5, 0, true, started, TimeSpan.FromSeconds(2.5)), (run.Status, run.Score, run.TrialNumber, run.IsBaseline, run.StartedAt!.Value, run.Duration!.Value));
        Assert.Equal(parameters, trial.Params);
        Assert.IsType<int>(trial.Params["n"]);
        Assert.Equal(metadata.Keys, run.Metadata.Keys);
        Assert.Equal([typeof(int), typeof(long), typeof(double), typeof(double), typeof(bool), typeof(string)], run.Metadata.Values.Take(6).Select(v => v!.GetType()));
        Assert.Equal(metadata.Values.Take(6), run.Metadata.Values.Take(6));
        Assert.Null(run.Metadata["null"]);
        Assert.Equal([1, "two", 3.0, null], (IEnumerable<object?>)run.Metadata["list"]!);
        Assert.Equal([true], (IEnumerable<object?>)((IReadOnlyDictionary<string, object?>)run.Metadata["nested"]!)["x"]!);
        StoredExperiment experiment = reopened.FindExperiment("types")!;
        Assert.Equal(1L << 40, experiment.Settings["big"]);
        Assert.Equal(2.0, experiment.Settings["ratio"]);
        Assert.Equal([typeof(int), typeof(long), typeof(double), typeof(bool)], experiment.Settings.Values.Take(4).Select(v => v!.GetType()));
        Assert.Equal(["a", 1, 0.5], (IEnumerable<object?>)experiment.Settings["tags"]!);
    }

    [Fact]
    public void ExpireLeasesAndRenewLeases_SeveralTrials_GiveEachItsOwnNewVersion()
    {
        long id = Storage.CreateOrOpenExperiment(Definition("many")).Id;
        long[] mine = [.. Enumerable.Range(0, 4).Select(k => Claim(id, $"m{k}", lease: Now.AddSeconds(-1)).TrialId)];
        Claim(id, "theirs", "w2", lease: Now.AddSeconds(-1));

        Assert.Equal(4, Storage.RenewLeases(id, mine, "w1", Now.AddMinutes(5)));
        Assert.Equal(1, Storage.ExpireLeases(id, Now));
        Assert.Equal(0, Storage.RenewLeases(id, [12345], "w1", Now.AddMinutes(5)));

        IReadOnlyList<StoredTrial> trials = Storage.ReadTrials(id, 0);
        Assert.Equal(Enumerable.Range(6, 5).Select(v => (long)v), trials.Select(t => t.Version));
        Assert.Equal([.. mine, trials[^1].Id], trials.Select(t => t.Id));
        Assert.Equal(10L, SqliteFile.Sql(DatabasePath, "SELECT last_version FROM experiments"));
    }

    [Fact]
    public void ExpireLeases_NothingExpired_LeavesVersionsUnchanged()
    {
        long id = Storage.CreateOrOpenExperiment(Definition("quiet")).Id;
        Claim(id, "a", lease: Now.AddMinutes(5));
        long seen = Storage.ReadTrials(id, 0).Max(t => t.Version);

        Assert.Equal(0, Storage.ExpireLeases(id, Now));

        Assert.Empty(Storage.ReadTrials(id, seen));
    }

    [Fact]
    public void TryClaim_FileLockedByAnotherProcessBeyondTheTimeout_ThrowsNamingTheFile()
    {
        using var storage = new SqliteExperimentStorage(DatabasePath, new SqliteStorageOptions { BusyTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 0 });
        long id = storage.CreateOrOpenExperiment(Definition("locked")).Id;
        using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using var command = other.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        command.ExecuteNonQuery();

        var error = Assert.Throws<StorageException>(() => storage.TryClaim(new ClaimRequest(id, "a", new Dictionary<string, object?>(), false, "w1", Now, Now.AddMinutes(1), null)));

        Assert.Equal($"{DatabasePath}: the database stayed locked by another process for over 1 s; retry later or raise SqliteStorageOptions.BusyTimeout.", error.Message);
        command.CommandText = "ROLLBACK";
        command.ExecuteNonQuery();
        Assert.Equal(ClaimStatus.Claimed, storage.TryClaim(new ClaimRequest(id, "a", new Dictionary<string, object?>(), false, "w1", Now, Now.AddMinutes(1), null)).Status);
    }

    [Fact]
    public void CreateOrOpenExperimentAndFinishTrial_WithAClock_StoreItsTimesInUtc()
    {
        var now = new DateTimeOffset(2026, 5, 6, 9, 8, 7, 654, TimeSpan.FromHours(2));
        using var storage = new SqliteExperimentStorage(DatabasePath, new SqliteStorageOptions { TimeProvider = new FixedClock(now) });
        long id = storage.CreateOrOpenExperiment(Definition("clock")).Id;
        long trialId = storage.TryClaim(new ClaimRequest(id, "a", new Dictionary<string, object?>(), false, "w1", now, now.AddMinutes(1), null)).TrialId;

        storage.FinishTrial(trialId, "w1", new RunResult(1.0, new Dictionary<string, object?>()));

        Assert.Equal(now, storage.FindExperiment("clock")!.CreatedAt);
        Assert.Equal("2026-05-06T07:08:07.654Z", SqliteFile.Sql(DatabasePath, "SELECT created_at FROM experiments"));
        Assert.Equal("2026-05-06T07:08:07.654Z", SqliteFile.Sql(DatabasePath, "SELECT finished_at FROM trials"));
    }

    [Fact]
    public void DeleteExperiment_WithTrials_RemovesTheirRows()
    {
        long id = Storage.CreateOrOpenExperiment(Definition("gone")).Id;
        Claim(id, "a");
        Claim(id, "b");

        Assert.True(Storage.DeleteExperiment("gone"));

        Assert.Equal(0L, SqliteFile.Sql(DatabasePath, "SELECT count(*) FROM trials"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
