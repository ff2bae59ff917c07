using Microsoft.Data.Sqlite;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Cli.Tests.Processes;

/// <summary><c>nomadic run</c> killed with SIGKILL again and again: no stored run is lost and the experiment still ends complete.</summary>
[Collection(ProcessTests.Name)]
public sealed class CrashRecoveryTests : IDisposable
{
    private const int GridSize = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Database => _temp.File("nomadic.db");

    [UnixFact]
    public async Task Run_KilledThreeTimesMidRun_KeepsEveryStoredRunAndFinishesEachConfigurationOnce()
    {
        string file = _temp.Write("experiment.yaml", $$"""
            name: crash
            objective:
              command: [sh, objective.sh, "{x}"]
            search_space:
              x: {type: randint, low: 0, high: {{GridSize}}}
            tuner: grid
            direction: maximize
            max_concurrent_trials: 2
            output:
              results: out/results.json
              journal: out/journal.jsonl
            """);
        // Once as many commands have ended as the number in the file hold, every command that starts hangs: the killed
        // run is surely mid-run, holding the trials the storage shows, and cannot finish the grid before it is killed.
        _temp.Write("objective.sh", """
            if [ -e hold ] && [ "$(ls | grep -c '^done_')" -ge "$(cat hold)" ]; then touch "held_$1"; exec sleep 3600; fi
            sleep 0.05
            touch "done_$1"
            echo "$1"
            """);
        HashSet<string> kept = [];
        int kills = 0;
        foreach (int target in new[] { 3, 14, 26 })
        {
            string worker = $"killed-{++kills}";
            _temp.Write("hold", target.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using CliProcess run = CliProcess.Start(_temp.Path, "run", file, "--lease-seconds", "1", "--worker-id", worker);
            await Poll.UntilAsync(() => HeldWithEnoughDone(worker, target), Patience, $"{target} completed runs and a hanging run held by {worker}");

            run.Kill();
            File.Delete(_temp.File("hold"));
            Array.ForEach(Directory.GetFiles(_temp.Path, "held_*"), File.Delete);

            HashSet<string> now = Completed().Select(Describe).ToHashSet();
            Assert.Superset(kept, now);
            Assert.True(now.Count >= target, $"{now.Count} completed runs stored after kill {kills}, expected at least {target}");
            kept = now;
        }

        using CliProcess last = CliProcess.Start(_temp.Path, "run", file, "--lease-seconds", "1", "--worker-id", "survivor");
        CliOutcome outcome = await last.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        IReadOnlyList<StoredTrial> trials = AllTrials();
        List<StoredTrial> completed = trials.Where(t => t.State == TrialState.Completed).ToList();
        Assert.Superset(kept, completed.Select(Describe).ToHashSet());
        Assert.Equal(GridSize, completed.Count);
        Assert.Equal(Enumerable.Range(0, GridSize), completed.Select(t => (int)t.Params["x"]!).Order());
        Assert.Equal(trials.Count, trials.Select(t => t.Number).Distinct().Count());
        List<StoredTrial> abandoned = trials.Where(t => t.State == TrialState.Abandoned).ToList();
        Assert.True(abandoned.Count >= kills, $"expected the {kills} killed runs' held trials to be abandoned, found {abandoned.Count}");
        Assert.All(abandoned, t => Assert.StartsWith("killed-", t.WorkerId, StringComparison.Ordinal));
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
        Assert.Equal(GridSize, ExperimentResult.Load(_temp.File("out/results.json")).Count);
        Assert.Equal(GridSize, ResultsJournal.Read(_temp.File("out/journal.jsonl")).RunResults.Select(r => r.Params["x"]).Distinct().Count());
        Assert.Equal("ok", IntegrityCheck());
    }

    private string? HeldWithEnoughDone(string worker, int target)
    {
        if (!File.Exists(Database))
        {
            return null;
        }

        IReadOnlyList<StoredTrial> trials = AllTrials();
        bool enough = trials.Count(t => t.State == TrialState.Completed) >= target;
        bool hanging = trials.Any(t => t.State == TrialState.Running && t.WorkerId == worker && File.Exists(_temp.File($"held_{t.Params["x"]}")));
        return enough && hanging ? worker : null;
    }

    private List<StoredTrial> Completed() => AllTrials().Where(t => t.State == TrialState.Completed).ToList();

    private IReadOnlyList<StoredTrial> AllTrials()
    {
        using var storage = new SqliteExperimentStorage(Database);
        return StoredTrials.Of(storage, "crash");
    }

    private static string Describe(StoredTrial trial) => $"{trial.Number}:{StoredTrials.Configuration(trial)}:{trial.Run!.Score}";

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
