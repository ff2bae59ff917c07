using System.Text;
using System.Text.Json;
using Nomadic.Results;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Results;

/// <summary>Several open journals on one file: refused when alone, shared (whole lines, each trial once) when mirroring one storage.</summary>
public sealed class ResultsJournalSharingTests : IDisposable
{
    private const string Storage = "/data/nomadic.db";
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-journal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string JournalPath => Path.Combine(_directory, "runs.jsonl");

    [Fact]
    public void Open_WhileOpenWithoutStorage_RefusesNamingTheFileAndLeavesItIntact()
    {
        using ResultsJournal first = Open();
        first.Append(Numbered(0));

        var error = Assert.Throws<IOException>(() => Open());

        Assert.Equal($"{JournalPath}: another process has this results journal open; wait for it to end or choose another journal path", error.Message);
        first.Append(Numbered(1));
        Assert.Equal([0, 1], ResultsJournal.Read(JournalPath).RunResults.Select(r => r.TrialNumber));
    }

    [Fact]
    public void Open_AfterTheOtherClosed_ResumesIt()
    {
        using (ResultsJournal first = Open())
        {
            first.Append(Numbered(0));
        }

        using ResultsJournal second = Open();

        Assert.Equal([0], second.ExistingRuns.Select(r => r.TrialNumber));
    }

    [Fact]
    public void Open_SharedWhileOpenWithoutStorage_IsRefused()
    {
        using ResultsJournal alone = Open();

        var error = Assert.Throws<IOException>(() => Open(Storage));

        Assert.Contains("another process has this results journal open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WithoutStorageWhileShared_IsRefused()
    {
        using ResultsJournal shared = Open(Storage);

        var error = Assert.Throws<IOException>(() => Open());

        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("another process has this results journal open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SharedForAnotherStorage_IsRefused()
    {
        using ResultsJournal shared = Open(Storage);

        var error = Assert.Throws<IOException>(() => Open("/data/other.db"));

        Assert.Equal($"{JournalPath}: another process is writing this results journal for another storage or experiment; choose another journal path", error.Message);
    }

    [Fact]
    public void Open_SharedForAnotherExperimentName_IsRefused()
    {
        using ResultsJournal shared = Open(Storage);

        Assert.Throws<IOException>(() => ResultsJournal.Open(JournalPath, "other", Direction.Maximize, Space(), storageLocation: Storage));
    }

    [Fact]
    public void Append_TwoSharedJournalsInTurn_EachContinuesAtTheRealEnd()
    {
        using ResultsJournal first = Open(Storage);
        using ResultsJournal second = Open(Storage);

        first.Append(Numbered(0));
        second.Append(Numbered(1));
        first.Append(Numbered(2));
        second.Append(Numbered(3));

        Assert.Equal([0, 1, 2, 3], RunLines().Select(TrialNumber));
    }

    [Fact]
    public void Append_TrialAnotherSharedJournalWrote_IsSkipped()
    {
        using ResultsJournal first = Open(Storage);
        using ResultsJournal second = Open(Storage);

        Assert.True(first.Append(Numbered(0)));
        Assert.False(second.Append(Numbered(0)));
        Assert.True(second.Append(Numbered(1)));
        Assert.False(first.Append(Numbered(1)));

        Assert.Equal([0, 1], RunLines().Select(TrialNumber));
    }

    [Fact]
    public void Append_SharedFromManyJournalsAndThreads_WritesEveryTrialOnceOnWholeLines()
    {
        ResultsJournal[] journals = [.. Enumerable.Range(0, 4).Select(_ => Open(Storage))];
        int written = 0;
        try
        {
            // Each trial is appended by two journals, as two processes mirroring one storage do.
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                if (journals[i % journals.Length].Append(Numbered(i / 2)))
                {
                    Interlocked.Increment(ref written);
                }
            });
        }
        finally
        {
            Array.ForEach(journals, j => j.Dispose());
        }

        Assert.Equal(200, written);
        Assert.Equal(Enumerable.Range(0, 200), RunLines().Select(TrialNumber).Order());
        Assert.Equal(Enumerable.Range(0, 200), ResultsJournal.Read(JournalPath).RunResults.Select(r => r.TrialNumber));
    }

    [Fact]
    public void Append_AfterAnotherWriterDiedMidLine_DropsItsUnfinishedLine()
    {
        using ResultsJournal journal = Open(Storage);
        journal.Append(Numbered(0));
        File.AppendAllText(JournalPath, "{\"trial_number\":1,\"status\":\"compl");

        journal.Append(Numbered(2));

        Assert.Equal([0, 2], RunLines().Select(TrialNumber));
    }

    [Fact]
    public void Append_AfterAnotherWriterDiedBeforeItsNewline_KeepsItsRunOnce()
    {
        using ResultsJournal journal = Open(Storage);
        string line = File.ReadAllLines(JournalPath)[0];
        journal.Append(Numbered(0));
        File.AppendAllText(JournalPath, JsonSerializer.Serialize(new { trial_number = 1, status = "completed", score = 0.5, @params = new { } }));

        Assert.False(journal.Append(Numbered(1)));
        journal.Append(Numbered(2));

        Assert.Equal([0, 1, 2], RunLines().Select(TrialNumber));
        Assert.Equal(line, File.ReadAllLines(JournalPath)[0]);
    }

    [Fact]
    public void Dispose_LastOpenJournal_RemovesTheLockFile()
    {
        string lockFile = JournalPath + ".lock";
        ResultsJournal first = Open(Storage);
        ResultsJournal second = Open(Storage);
        Assert.True(File.Exists(lockFile));

        first.Dispose();
        Assert.True(File.Exists(lockFile));
        second.Dispose();

        Assert.False(File.Exists(lockFile));
        Assert.Equal(["runs.jsonl"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Open_LockFileLeftByADeadProcess_IsTakenOver()
    {
        File.WriteAllText(JournalPath + ".lock", "one process");

        using ResultsJournal journal = Open(Storage);

        Assert.True(journal.Append(Numbered(0)));
    }

    [Fact]
    public void Open_RefusedForAnotherSearchSpace_LeavesNoLockFile()
    {
        using (Open())
        {
        }

        Assert.Throws<ResultFormatException>(() => ResultsJournal.Open(JournalPath, "w", Direction.Minimize, Space()));

        Assert.False(File.Exists(JournalPath + ".lock"));
    }

    [Fact]
    public async Task Read_WhileAnotherJournalAppends_ReturnsEveryCompleteRunEachTime()
    {
        using ResultsJournal journal = Open(Storage);
        Task writing = Task.Run(() =>
        {
            for (int i = 0; i < 300; i++)
            {
                journal.Append(Numbered(i));
            }
        });

        int seen = 0;
        while (!writing.IsCompleted)
        {
            ExperimentResult read = ExperimentResult.Load(JournalPath);
            Assert.Equal(Enumerable.Range(0, read.Count), read.RunResults.Select(r => r.TrialNumber));
            Assert.True(read.Count >= seen);
            seen = read.Count;
        }

        await writing;
        Assert.Equal(300, ResultsJournal.Read(JournalPath).Count);
    }

    private ResultsJournal Open(string? storage = null) => ResultsJournal.Open(JournalPath, "w", Direction.Maximize, Space(), storageLocation: storage);

    private string[] RunLines()
    {
        string text = Encoding.UTF8.GetString(File.ReadAllBytes(JournalPath));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("nomadic.results_journal", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains("nomadic.results_journal", StringComparison.Ordinal));
        return lines[1..];
    }

    private static int TrialNumber(string line)
    {
        using JsonDocument run = JsonDocument.Parse(line);
        return run.RootElement.GetProperty("trial_number").GetInt32();
    }

    private static RunResult Numbered(int trialNumber) =>
        Run(trialNumber / 10.0, ("learning_rate", 0.01), ("batch_size", 32)).WithTrialInfo(trialNumber, null, null, isBaseline: false);
}
