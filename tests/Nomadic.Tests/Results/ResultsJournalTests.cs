using System.Text;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Tuning;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Results;

public sealed class ResultsJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-journal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Open_NewFile_WritesOneHeaderLine()
    {
        string path = PathOf("runs.jsonl");

        using (ResultsJournal journal = ResultsJournal.Open(path, "sweep", Direction.Minimize, Space()))
        {
            Assert.Empty(journal.ExistingRuns);
            Assert.Equal(path, journal.Path);
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Single(lines);
        using JsonDocument header = JsonDocument.Parse(lines[0]);
        Assert.Equal("nomadic.results_journal", header.RootElement.GetProperty("format").GetString());
        Assert.Equal("sweep", header.RootElement.GetProperty("name").GetString());
        Assert.Equal("minimize", header.RootElement.GetProperty("direction").GetString());
        Assert.Equal(JsonValueKind.Object, header.RootElement.GetProperty("hp_search_space").ValueKind);
    }

    [Fact]
    public void Open_MissingDirectory_CreatesIt()
    {
        string path = PathOf(Path.Combine("nested", "deeper", "runs.jsonl"));

        using (ResultsJournal.Open(path, null, Direction.Maximize, Space()))
        {
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Open_EmptyExistingFile_WritesHeader()
    {
        string path = PathOf("empty.jsonl");
        File.WriteAllText(path, "");

        using (ResultsJournal.Open(path, "e", Direction.Maximize, Space()))
        {
        }

        Assert.Equal(0, ResultsJournal.Read(path).Count);
        Assert.Equal("e", ResultsJournal.Read(path).Name);
    }

    [Fact]
    public void Append_Runs_WritesOneLinePerRunAndKeepsEarlierBytes()
    {
        string path = PathOf("append.jsonl");
        using ResultsJournal journal = ResultsJournal.Open(path, "a", Direction.Maximize, Space());
        byte[] before = ReadShared(path);

        journal.Append(Numbered(0.85, 0));
        byte[] afterFirst = ReadShared(path);
        journal.Append(Numbered(0.90, 1));
        byte[] afterSecond = ReadShared(path);

        Assert.Equal(before, afterFirst[..before.Length]);
        Assert.Equal(afterFirst, afterSecond[..afterFirst.Length]);
        Assert.Equal(3, Encoding.UTF8.GetString(afterSecond).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("\n", Encoding.UTF8.GetString(afterSecond), StringComparison.Ordinal);
    }

    [Fact]
    public void Append_EachRun_IsFlushedBeforeDispose()
    {
        string path = PathOf("flushed.jsonl");
        using ResultsJournal journal = ResultsJournal.Open(path, "f", Direction.Maximize, Space());

        journal.Append(Numbered(0.5, 0));

        Assert.Equal(2, Encoding.UTF8.GetString(ReadShared(path)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Read_AppendedRuns_ComeBackWithEveryField()
    {
        string path = PathOf("fields.jsonl");
        var started = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));
        RunResult original = new RunResult(0.75, Params(("learning_rate", 0.01), ("batch_size", 32)), Params(("note", "ok"), ("tokens", 5_000_000_000L)))
        {
            Status = RunStatus.Pruned,
            Error = "stopped early",
        }.WithTrialInfo(4, started, TimeSpan.FromSeconds(1.5), isBaseline: true);
        using (ResultsJournal journal = ResultsJournal.Open(path, "fields", Direction.Maximize, Space()))
        {
            journal.Append(original);
        }

        RunResult run = Assert.Single(ResultsJournal.Read(path).RunResults);

        Assert.Equal((0.75, RunStatus.Pruned, "stopped early", 4, true), (run.Score, run.Status, run.Error, run.TrialNumber, run.IsBaseline));
        Assert.Equal(started, run.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(1.5), run.Duration);
        Assert.IsType<double>(run.Params["learning_rate"]);
        Assert.IsType<int>(run.Params["batch_size"]);
        Assert.IsType<long>(run.Metadata["tokens"]);
        Assert.Equal("ok", run.Metadata["note"]);
    }

    [Fact]
    public void Read_RunsAppendedOutOfOrder_AreSortedByTrialNumber()
    {
        string path = PathOf("order.jsonl");
        using (ResultsJournal journal = ResultsJournal.Open(path, "o", Direction.Maximize, Space()))
        {
            journal.Append(Numbered(0.3, 2));
            journal.Append(Numbered(0.1, 0));
            journal.Append(Numbered(0.2, 1));
        }

        ExperimentResult result = ResultsJournal.Read(path);

        Assert.Equal([0, 1, 2], result.RunResults.Select(r => r.TrialNumber));
        Assert.Equal([0.1, 0.2, 0.3], result.RunResults.Select(r => r.Score));
        Assert.Equal("o", result.Name);
        Assert.Equal(Space().ToJson(), result.HpSearchSpace.ToJson());
    }

    [Fact]
    public void Read_FailedRunRunAgainLater_KeepsOnlyTheLaterRunWhileOpenStillSeesEveryLine()
    {
        string path = PathOf("retried.jsonl");
        Dictionary<string, object?> failing = Params(("learning_rate", 0.02), ("batch_size", 64));
        using (ResultsJournal journal = ResultsJournal.Open(path, "r", Direction.Maximize, Space()))
        {
            journal.Append(Run(0.5, ("learning_rate", 0.01), ("batch_size", 32)).WithTrialInfo(0, null, null, false));
            journal.Append(RunResult.Failed(failing, "timeout").WithTrialInfo(1, null, null, false));
            journal.Append(RunResult.Failed(Params(("learning_rate", 0.01), ("batch_size", 64)), "crash").WithTrialInfo(2, null, null, false));
            journal.Append(new RunResult(0.7, failing).WithTrialInfo(3, null, null, false));
        }

        ExperimentResult read = ResultsJournal.Read(path);
        using ResultsJournal reopened = ResultsJournal.Open(path, "r", Direction.Maximize, Space());

        Assert.Equal([0, 2, 3], read.RunResults.Select(r => r.TrialNumber));
        Assert.Equal([0, 2, 3], ExperimentResult.Load(path).RunResults.Select(r => r.TrialNumber));
        Assert.Equal(RunStatus.Failed, read.RunResults[1].Status);
        Assert.Equal([0, 1, 2, 3], reopened.ExistingRuns.Select(r => r.TrialNumber));
    }

    [Fact]
    public void Read_RunsWithSameTrialNumber_KeepFileOrder()
    {
        string path = PathOf("stable.jsonl");
        using (ResultsJournal journal = ResultsJournal.Open(path, "s", Direction.Maximize, Space()))
        {
            for (int i = 0; i < 50; i++)
            {
                journal.Append(Run(i, ("learning_rate", 0.01)));
            }
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (double)i), ResultsJournal.Read(path).RunResults.Select(r => r.Score));
    }

    [Fact]
    public void Append_FromManyThreads_KeepsEveryRunOnItsOwnLine()
    {
        string path = PathOf("parallel.jsonl");
        using (ResultsJournal journal = ResultsJournal.Open(path, "p", Direction.Maximize, Space()))
        {
            Parallel.For(0, 200, i => journal.Append(Numbered(i / 200.0, i)));
        }

        ExperimentResult result = ResultsJournal.Read(path);

        Assert.Equal(Enumerable.Range(0, 200), result.RunResults.Select(r => r.TrialNumber));
        Assert.Equal(201, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Read_TornLastLine_IsDropped()
    {
        string path = WriteJournal("torn.jsonl", 2);
        AppendText(path, "{\"trial_number\":2,\"status\":\"compl");

        ExperimentResult result = ResultsJournal.Read(path);

        Assert.Equal([0, 1], result.RunResults.Select(r => r.TrialNumber));
    }

    [Fact]
    public void Open_TornLastLine_TruncatesItAndAppendsAfterTheLastCompleteRun()
    {
        string path = WriteJournal("reopen.jsonl", 2);
        long intact = new FileInfo(path).Length;
        AppendText(path, "{\"trial_number\":2,\"status\":\"completed\",\"sco");

        using (ResultsJournal journal = ResultsJournal.Open(path, "w", Direction.Maximize, Space()))
        {
            Assert.Equal([0, 1], journal.ExistingRuns.Select(r => r.TrialNumber));
            Assert.Equal(intact, new FileInfo(path).Length);
            journal.Append(Numbered(0.7, 2));
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Equal([0, 1, 2], ResultsJournal.Read(path).RunResults.Select(r => r.TrialNumber));
    }

    [Fact]
    public void Open_TornMultiByteCharacter_TruncatesAtTheLastNewline()
    {
        string path = WriteJournal("utf8.jsonl", 1);
        long intact = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Append))
        {
            stream.Write("{\"trial_number\":1,\"params\":{\"w\":\"caf"u8);
            stream.WriteByte(0xC3);
        }

        using (ResultsJournal journal = ResultsJournal.Open(path, "w", Direction.Maximize, Space()))
        {
            Assert.Single(journal.ExistingRuns);
        }

        Assert.Equal(intact, new FileInfo(path).Length);
    }

    [Fact]
    public void Open_LastRunMissingOnlyItsNewline_KeepsFileAndExistingRunsInAgreement()
    {
        string path = WriteJournal("nonewline.jsonl", 1);
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text + text.Split('\n')[1].Replace("\"trial_number\":0", "\"trial_number\":1", StringComparison.Ordinal));

        int existing;
        using (ResultsJournal journal = ResultsJournal.Open(path, "w", Direction.Maximize, Space()))
        {
            existing = journal.ExistingRuns.Count;
        }

        Assert.Equal(existing, ResultsJournal.Read(path).Count);
    }

    [Fact]
    public void Read_LastLineWithoutNewlineScoredInfinity_ThrowsNamingTheLineInsteadOfDroppingIt()
    {
        string path = WriteJournal("infinite-tail.jsonl", 1);
        string run = File.ReadAllLines(path)[1].Replace("\"trial_number\":0", "\"trial_number\":1", StringComparison.Ordinal);
        AppendText(path, System.Text.RegularExpressions.Regex.Replace(run, "\"score\":[^,}]+", "\"score\":1e999"));

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains("line 3 is not a valid run", error.Message, StringComparison.Ordinal);
        Assert.Contains("score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TornLastLineCutInACharacter_DropsIt()
    {
        string path = WriteJournal("cut-char.jsonl", 1);
        using (var stream = new FileStream(path, FileMode.Append))
        {
            stream.Write("{\"trial_number\":1,\"params\":{\"w\":\"caf"u8);
            stream.WriteByte(0xC3);
        }

        Assert.Equal([0], ExperimentResult.Load(path).RunResults.Select(r => r.TrialNumber));
        Assert.Equal([0], ResultsJournal.Read(path).RunResults.Select(r => r.TrialNumber));
    }

    [Fact]
    public void LoadAndOpen_InvalidUtf8InACompleteLine_ThrowNamingTheLineAndLeaveTheFile()
    {
        string path = WriteJournal("latin1.jsonl", 2);
        byte[] bytes = File.ReadAllBytes(path);
        int secondRun = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        int quote = Array.IndexOf(bytes, (byte)'"', secondRun + 2);
        bytes[quote - 1] = 0xE9;
        File.WriteAllBytes(path, bytes);

        var loaded = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));
        var opened = Assert.Throws<ResultFormatException>(() => ResultsJournal.Open(path, "w", Direction.Maximize, Space()));

        Assert.Contains("is not valid UTF-8 text (line 3", loaded.Message, StringComparison.Ordinal);
        Assert.Contains("is not valid UTF-8 text (line 3", opened.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Read_MalformedMiddleLine_ThrowsNamingTheLine()
    {
        string path = WriteJournal("middle.jsonl", 3);
        string[] lines = File.ReadAllLines(path);
        lines[2] = "{\"trial_number\": 1, oops}";
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3 is not a valid run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TornLineInTheMiddle_RefusesNamingTheLineAndTheRepairAndLeavesTheFile()
    {
        string path = WriteJournal("torn-middle.jsonl", 3);
        string[] lines = File.ReadAllLines(path);
        lines[2] = lines[2][..20] + lines[3];
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Open(path, "w", Direction.Maximize, Space()));

        Assert.Contains($"{path}: line 3 is not a valid run: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; fix or delete that line to use the journal", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".lock"));
    }

    [Fact]
    public void Read_MiddleLineNotAnObject_ThrowsNamingTheLine()
    {
        string path = WriteJournal("array.jsonl", 2);
        string[] lines = File.ReadAllLines(path);
        lines[1] = "[1, 2]";
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains("line 2 is not a valid run: a run must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedLastLineEndingWithNewline_Throws()
    {
        string path = WriteJournal("complete-bad.jsonl", 1);
        AppendText(path, "{\"trial_number\":1,\n");

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RunLineWithoutScore_ThrowsNamingTheLineAndField()
    {
        string path = WriteJournal("noscore.jsonl", 0);
        AppendText(path, "{\"trial_number\":0,\"params\":{}}\n");

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains("line 2 is not a valid run: a run has no \"score\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RunLineWithTextTrialNumber_ThrowsResultFormatException()
    {
        string path = WriteJournal("typed.jsonl", 0);
        AppendText(path, "{\"trial_number\":\"zero\",\"score\":1.0,\"params\":{}}\n");

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAJournal_ThrowsClearly()
    {
        string path = PathOf("plain.json");
        File.WriteAllText(path, FourRuns().ToJson());

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a results journal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenHeader_ThrowsNamingLineOne()
    {
        string path = PathOf("header.jsonl");
        File.WriteAllText(path, "{\"format\":\"nomadic.results_journal\",\"hp_search_space\":\n");

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains("line 1 is not a valid journal header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderWithInvalidSpace_ThrowsNamingTheParameter()
    {
        string path = PathOf("badspace.jsonl");
        File.WriteAllText(path, "{\"format\":\"nomadic.results_journal\",\"version\":1,\"hp_search_space\":{\"lr\":{\"type\":\"loguniform\",\"low\":0,\"high\":1}}}\n");

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Read(path));

        Assert.Contains("Parameter 'lr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DifferentSearchSpace_ThrowsAndLeavesFileUntouched()
    {
        string path = WriteJournal("space.jsonl", 2);
        byte[] before = File.ReadAllBytes(path);
        var other = new SearchSpace { ["learning_rate"] = Tune.Choice(0.01, 0.03), ["batch_size"] = Tune.Choice(32, 64) };

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Open(path, "w", Direction.Maximize, other));

        Assert.Contains("different search space or direction", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_WithObjectives_RecordsThemAndReadsThemBack()
    {
        string path = PathOf("objectives.jsonl");
        ObjectiveMetric[] objectives = [new("latency_ms", Direction.Minimize), new("cost", Direction.Minimize)];
        using (ResultsJournal journal = ResultsJournal.Open(path, "w", Direction.Maximize, Space(), objectives))
        {
            journal.Append(Numbered(0.5, 0));
        }

        ExperimentResult read = ResultsJournal.Read(path);

        Assert.Equal(objectives, read.Objectives);
        using ResultsJournal reopened = ResultsJournal.Open(path, "w", Direction.Maximize, Space(), objectives);
        Assert.Single(reopened.ExistingRuns);
    }

    [Fact]
    public void Open_DifferentObjectives_ThrowsNamingBothAndLeavesFileUntouched()
    {
        string path = WriteJournal("changed-objectives.jsonl", 2);
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Open(path, "w", Direction.Maximize, Space(), [new ObjectiveMetric("latency_ms", Direction.Minimize)]));

        Assert.Contains("was written for objectives none, not latency_ms (minimize)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_DifferentDirection_Throws()
    {
        string path = WriteJournal("direction.jsonl", 1);

        var error = Assert.Throws<ResultFormatException>(() => ResultsJournal.Open(path, "w", Direction.Minimize, Space()));

        Assert.Contains("different search space or direction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SavedResultInsteadOfJournal_ThrowsAndReleasesTheFile()
    {
        string path = PathOf("result.json");
        FourRuns().Save(path);

        Assert.Throws<ResultFormatException>(() => ResultsJournal.Open(path, "w", Direction.Maximize, Space()));

        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }
    }

    [Fact]
    public void Open_SameSpaceAndDirection_ReturnsExistingRunsAndAppends()
    {
        string path = WriteJournal("resume.jsonl", 2);

        using (ResultsJournal journal = ResultsJournal.Open(path, "renamed", Direction.Maximize, Space()))
        {
            Assert.Equal([0, 1], journal.ExistingRuns.Select(r => r.TrialNumber));
            journal.Append(Numbered(0.4, 2));
        }

        ExperimentResult result = ResultsJournal.Read(path);
        Assert.Equal(3, result.Count);
        Assert.Equal("w", result.Name);
        Assert.Single(File.ReadAllLines(path), l => l.Contains("nomadic.results_journal", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_JournalFile_ReadsItAsAnExperimentResult()
    {
        string path = WriteJournal("load.jsonl", 3);

        ExperimentResult result = ExperimentResult.Load(path);

        Assert.Equal(3, result.Count);
        Assert.Equal("w", result.Name);
        Assert.Equal(2, result.BestIndex);
        Assert.Equal(Space().ToJson(), result.HpSearchSpace.ToJson());
    }

    [Fact]
    public void Load_JournalWithMinimize_KeepsDirection()
    {
        string path = PathOf("min.jsonl");
        using (ResultsJournal journal = ResultsJournal.Open(path, "m", Direction.Minimize, Space()))
        {
            journal.Append(Numbered(0.3, 0));
            journal.Append(Numbered(0.1, 1));
        }

        ExperimentResult result = ExperimentResult.Load(path);

        Assert.Equal(Direction.Minimize, result.Direction);
        Assert.Equal(1, result.BestIndex);
    }

    [Fact]
    public void Append_AfterDispose_ThrowsObjectDisposed()
    {
        ResultsJournal journal = ResultsJournal.Open(PathOf("disposed.jsonl"), "d", Direction.Maximize, Space());
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.Append(Numbered(1, 0)));
    }

    [Fact]
    public void Append_Null_ThrowsArgumentNullException()
    {
        using ResultsJournal journal = ResultsJournal.Open(PathOf("null.jsonl"), "n", Direction.Maximize, Space());

        Assert.Throws<ArgumentNullException>(() => journal.Append(null!));
    }

    private string PathOf(string name) => Path.Combine(_directory, name);

    private string WriteJournal(string name, int runs)
    {
        string path = PathOf(name);
        using ResultsJournal journal = ResultsJournal.Open(path, "w", Direction.Maximize, Space());
        for (int i = 0; i < runs; i++)
        {
            journal.Append(Numbered(0.5 + (i / 10.0), i));
        }

        return path;
    }

    private static RunResult Numbered(double score, int trialNumber) =>
        Run(score, ("learning_rate", 0.01), ("batch_size", 32)).WithTrialInfo(trialNumber, null, null, isBaseline: false);

    private static void AppendText(string path, string text) => File.AppendAllText(path, text);

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
