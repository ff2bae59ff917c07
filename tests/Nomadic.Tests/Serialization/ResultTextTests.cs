using System.Text;
using Nomadic.Results;
using Nomadic.Tuning;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Serialization;

/// <summary>Result files and journals are read as strict UTF-8 through <see cref="ExperimentResult.Load"/>.</summary>
public sealed class ResultTextTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-text-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_ResultWithInvalidUtf8_ThrowsNamingFileAndLine()
    {
        string path = Path.Combine(_directory, "latin1.json");
        string json = "{\n  \"name\": \"caf\u00e9\",\n  \"hp_search_space\": {},\n  \"run_results\": []\n}";
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(json));

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Equal($"{path}: is not valid UTF-8 text (line 2, byte 17: 0xE9).", error.Message);
    }

    [Fact]
    public void Load_JournalWithInvalidUtf8_ThrowsNamingFileAndLine()
    {
        string path = Path.Combine(_directory, "runs.jsonl");
        using (ResultsJournal journal = ResultsJournal.Open(path, "sweep", Direction.Maximize, Space()))
        {
            journal.Append(Run(0.5, ("learning_rate", 0.01), ("batch_size", 32)).WithTrialInfo(0, null, null, false));
        }

        File.AppendAllText(path, "{\"trial_number\": 1, \"score\": 0.6, \"params\": {\"note\": \"");
        File.AppendAllBytes(path, [0xC3, 0x28]);
        File.AppendAllText(path, "\"}}\n");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.StartsWith($"{path}: is not valid UTF-8 text (line 3, byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JournalRunScoredBeyondDouble_ThrowsNamingLineAndField()
    {
        string path = Path.Combine(_directory, "overflow.jsonl");
        using (ResultsJournal.Open(path, "sweep", Direction.Maximize, Space()))
        {
        }

        File.AppendAllText(path, "{\"trial_number\": 0, \"status\": \"completed\", \"score\": 1e999, \"params\": {}}\n");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Equal($"{path}: line 2 is not a valid run: score: 1e999 is not a finite number; fix or delete that line to use the journal.", error.Message);
    }

    [Fact]
    public void Load_JournalFromNewerVersion_Throws()
    {
        string path = Path.Combine(_directory, "future.jsonl");
        File.WriteAllText(path, "{\"format\":\"nomadic.results_journal\",\"version\":99,\"name\":\"x\",\"direction\":\"maximize\",\"hp_search_space\":{},\"metadata\":{}}\n");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains("written by a newer Nomadic (version 99); this one reads up to 1", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ": line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithByteOrderMark_Reads()
    {
        string path = Path.Combine(_directory, "bom.json");
        File.WriteAllText(path, FourRuns("caf\u00e9").ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("caf\u00e9", ExperimentResult.Load(path).Name);
    }

    [Fact]
    public void Load_TruncatedMultiByteCharacterAtTheEnd_Throws()
    {
        string path = Path.Combine(_directory, "cut.json");
        byte[] text = Encoding.UTF8.GetBytes(FourRuns("x").ToJson());
        File.WriteAllBytes(path, [.. text, 0xE2, 0x82]);

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains("is not valid UTF-8 text", error.Message, StringComparison.Ordinal);
    }
}
