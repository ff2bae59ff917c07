using System.Text.Json;
using Nomadic.Results;
using Nomadic.Tuning;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Serialization;

/// <summary>The JSON form of <see cref="ExperimentResult"/>: Save, Load, ToJson and FromJson.</summary>
public sealed class ExperimentResultJsonTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-result-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SaveLoad_SeedExample_KeepsRunsBestAndSpace()
    {
        string path = PathOf("seed.json");
        FourRuns("seed").Save(path);

        ExperimentResult loaded = ExperimentResult.Load(path);

        Assert.Equal("seed", loaded.Name);
        Assert.Equal([0.85, 0.90, 0.83, 0.89], loaded.RunResults.Select(r => r.Score));
        Assert.Equal(0.90, loaded.BestRunResult.Score);
        Assert.Equal(1, loaded.BestIndex);
        Assert.Equal(Space().ToJson(), loaded.HpSearchSpace.ToJson());
        Assert.All(loaded.RunResults, r => Assert.IsType<double>(r.Params["learning_rate"]));
        Assert.All(loaded.RunResults, r => Assert.IsType<int>(r.Params["batch_size"]));
    }

    [Fact]
    public void SaveLoad_ValueTypes_ArePreserved()
    {
        var nested = Params(("depth", 2), ("ratio", 0.5), ("tags", new List<object?> { "a", 1, 2.0, null, true }));
        var run = new RunResult(
            1.0,
            Params(("int", 32), ("whole_double", 1.0), ("double", 0.1), ("bool", true), ("string", "adam"), ("null", null), ("long", 5_000_000_000L), ("negative", -3), ("tiny", 1e-300), ("huge", 1e300)),
            Params(("nested", nested), ("unicode", "naïve 😀 \"quoted\" \\ \n")));
        string path = PathOf("types.json");
        new ExperimentResult(Space(), [run]).Save(path);

        RunResult loaded = Assert.Single(ExperimentResult.Load(path).RunResults);

        Assert.Equal(1.0, loaded.Score);
        AssertSameValue(32, loaded.Params["int"]);
        AssertSameValue(1.0, loaded.Params["whole_double"]);
        AssertSameValue(0.1, loaded.Params["double"]);
        AssertSameValue(true, loaded.Params["bool"]);
        AssertSameValue("adam", loaded.Params["string"]);
        Assert.True(loaded.Params.ContainsKey("null"));
        Assert.Null(loaded.Params["null"]);
        AssertSameValue(5_000_000_000L, loaded.Params["long"]);
        AssertSameValue(-3, loaded.Params["negative"]);
        AssertSameValue(1e-300, loaded.Params["tiny"]);
        AssertSameValue(1e300, loaded.Params["huge"]);
        var loadedNested = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(loaded.Metadata["nested"]);
        AssertSameValue(2, loadedNested["depth"]);
        AssertSameValue(0.5, loadedNested["ratio"]);
        var tags = Assert.IsAssignableFrom<IReadOnlyList<object?>>(loadedNested["tags"]);
        Assert.Equal(["a", 1, 2.0, null, true], tags);
        Assert.Equal([typeof(string), typeof(int), typeof(double), null, typeof(bool)], tags.Select(t => t?.GetType()));
        AssertSameValue("naïve 😀 \"quoted\" \\ \n", loaded.Metadata["unicode"]);
    }

    [Fact]
    public void SaveLoad_ParamOrder_IsPreserved()
    {
        var run = Run(0.5, ("z", 1), ("a", 2), ("m", 3));
        string path = PathOf("order.json");
        new ExperimentResult(Space(), [run]).Save(path);

        Assert.Equal(["z", "a", "m"], ExperimentResult.Load(path).RunResults[0].Params.Keys);
    }

    [Fact]
    public void SaveLoad_RunBookkeeping_IsPreserved()
    {
        var started = new DateTimeOffset(2025, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(-4));
        RunResult failed = RunResult.Failed(Params(("learning_rate", 0.01)), "TimeoutException: slow\nsecond line")
            .WithTrialInfo(3, started, TimeSpan.FromMilliseconds(1500), isBaseline: false);
        RunResult baseline = Run(0.7, ("learning_rate", 0.02)).WithTrialInfo(0, null, null, isBaseline: true);
        RunResult pruned = new RunResult(0.2, Params()) { Status = RunStatus.Pruned }.WithTrialInfo(7, null, TimeSpan.Zero, false);
        string path = PathOf("bookkeeping.json");
        new ExperimentResult(Space(), [failed, baseline, pruned]).Save(path);

        IReadOnlyList<RunResult> runs = ExperimentResult.Load(path).RunResults;

        Assert.Equal((RunStatus.Failed, "TimeoutException: slow\nsecond line", 3, false), (runs[0].Status, runs[0].Error, runs[0].TrialNumber, runs[0].IsBaseline));
        Assert.True(double.IsNaN(runs[0].Score));
        Assert.Equal(started, runs[0].StartedAt);
        Assert.Equal(started.Offset, runs[0].StartedAt!.Value.Offset);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), runs[0].Duration);
        Assert.Equal((RunStatus.Completed, (string?)null, 0, true), (runs[1].Status, runs[1].Error, runs[1].TrialNumber, runs[1].IsBaseline));
        Assert.Null(runs[1].StartedAt);
        Assert.Null(runs[1].Duration);
        Assert.Equal((RunStatus.Pruned, 7, TimeSpan.Zero), (runs[2].Status, runs[2].TrialNumber, runs[2].Duration!.Value));
        Assert.Equal(1, ExperimentResult.Load(path).BaselineIndex);
    }

    [Fact]
    public void SaveLoad_AnyDuration_IsPreservedToTheTick()
    {
        var durations = new[] { 21L, 15_000_002L, 15_000_006L }.Select(TimeSpan.FromTicks).ToArray();
        var result = new ExperimentResult(Space(), durations.Select((d, i) => Run(i).WithTrialInfo(i, null, d, false)));

        ExperimentResult loaded = ExperimentResult.FromJson(result.ToJson());

        Assert.Equal(durations, loaded.RunResults.Select(r => r.Duration!.Value));
    }

    [Fact]
    public void SaveLoad_ResultSettings_ArePreserved()
    {
        var space = new SearchSpace
        {
            ["lr"] = Tune.LogUniform(1e-5, 0.1),
            ["opt"] = Tune.GridSearch("sgd", "adam"),
            ["n"] = Tune.QRandInt(8, 64, 8),
        };
        var result = new ExperimentResult(space, [Run(0.3, ("lr", 0.001), ("opt", "sgd"), ("n", 16)), Run(0.1, ("lr", 0.01), ("opt", "adam"), ("n", 8))], "loss-sweep", "client-9")
        {
            Direction = Direction.Minimize,
            Metadata = Params(("tuner", "random"), ("stop_reason", "budget"), ("seed", 42)),
        };
        string path = PathOf("settings.json");
        result.Save(path);

        ExperimentResult loaded = ExperimentResult.Load(path);

        Assert.Equal(("loss-sweep", "client-9", Direction.Minimize), (loaded.Name, loaded.ClientId, loaded.Direction));
        Assert.Equal(space.ToJson(), loaded.HpSearchSpace.ToJson());
        Assert.Equal(["lr", "opt", "n"], loaded.HpSearchSpace.Names);
        Assert.True(loaded.HpSearchSpace["opt"].IsExhaustive);
        Assert.Equal(1, loaded.BestIndex);
        Assert.Equal("random", loaded.Metadata["tuner"]);
        AssertSameValue(42, loaded.Metadata["seed"]);
    }

    [Fact]
    public void ToJson_Result_HasNomadicFieldNames()
    {
        using JsonDocument document = JsonDocument.Parse(FourRuns("x").ToJson());
        JsonElement root = document.RootElement;

        Assert.Equal("nomadic.experiment_result", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("best_idx").GetInt32());
        Assert.Equal(4, root.GetProperty("run_results").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("hp_search_space").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("client_id").ValueKind);
        Assert.Equal("maximize", root.GetProperty("direction").GetString());
        Assert.Equal("0.85", root.GetProperty("run_results")[0].GetProperty("score").GetRawText());
        Assert.Equal("32", root.GetProperty("run_results")[0].GetProperty("params").GetProperty("batch_size").GetRawText());
    }

    [Fact]
    public void ToJson_WholeNumberDouble_IsWrittenWithDecimalPoint()
    {
        string json = new ExperimentResult(Space(), [Run(1.0, ("learning_rate", 2.0))]).ToJson();

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement run = document.RootElement.GetProperty("run_results")[0];
        Assert.Equal("1.0", run.GetProperty("score").GetRawText());
        Assert.Equal("2.0", run.GetProperty("params").GetProperty("learning_rate").GetRawText());
    }

    [Fact]
    public void FromJson_ToJsonOfAnyResult_RoundTripsToTheSameJson()
    {
        ExperimentResult result = FourRuns("again");

        string json = result.ToJson();

        Assert.Equal(json, ExperimentResult.FromJson(json).ToJson());
    }

    [Fact]
    public void FromJson_CompletedRunsWithoutFiniteScore_ReadBackAsFailed()
    {
        ExperimentResult result = Result(Direction.Minimize, double.NegativeInfinity, double.PositiveInfinity, double.NaN, 0.5);

        ExperimentResult loaded = ExperimentResult.FromJson(result.ToJson());

        Assert.Equal([RunStatus.Failed, RunStatus.Failed, RunStatus.Failed, RunStatus.Completed], loaded.RunResults.Select(r => r.Status));
        Assert.All(loaded.RunResults.Take(3), r => Assert.True(double.IsNaN(r.Score)));
        Assert.Equal("the score is -Infinity, not a finite number", loaded.RunResults[0].Error);
        Assert.Equal(3, loaded.BestIndex);
        Assert.Equal(loaded.ToJson(), ExperimentResult.FromJson(loaded.ToJson()).ToJson());
    }

    [Fact]
    public void FromJson_PrunedRunThatDiverged_RoundTrips()
    {
        RunResult diverged = RunResult.Pruned(Params(("x", 0.1)), [new(0, 1.0), new(1, double.PositiveInfinity)]);

        RunResult loaded = Assert.Single(ExperimentResult.FromJson(new ExperimentResult(Space(), [diverged]).ToJson()).RunResults);

        Assert.Equal((RunStatus.Pruned, double.PositiveInfinity), (loaded.Status, loaded.Score));
    }

    [Theory]
    [InlineData("\"name\": 5", "name: expected a string, found number 5")]
    [InlineData("\"client_id\": true", "client_id: expected a string, found true")]
    [InlineData("\"direction\": 1", "direction: expected a string, found number 1")]
    [InlineData("\"metadata\": \"none\"", "metadata: expected an object, found string \"none\"")]
    [InlineData("\"metadata\": {\"seed\": 1e309}", "metadata.seed: 1e309 is not a finite number")]
    [InlineData("\"version\": \"1\"", "version: expected a whole number, found string \"1\"")]
    [InlineData("\"version\": 0", "version: 0 is not a format version")]
    [InlineData("\"format\": \"nomadic.results_journal\"", "format: \"nomadic.results_journal\" is not an experiment result")]
    public void FromJson_HeaderFieldOfWrongTypeOrValue_ThrowsNamingIt(string field, string message)
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson("{\"hp_search_space\": {}, \"run_results\": [], " + field + "}"));

        Assert.StartsWith($"Invalid experiment result: {message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NewerVersion_ThrowsSayingWhichVersionsAreRead()
    {
        string path = PathOf("future.json");
        File.WriteAllText(path, "{\"format\": \"nomadic.experiment_result\", \"version\": 99, \"hp_search_space\": {}, \"run_results\": [{\"score\": {\"new\": 1}}]}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Equal($"{path}: written by a newer Nomadic (version 99); this one reads up to 1.", error.Message);
    }

    [Fact]
    public void Load_CompletedScoreOverflowing_ThrowsNamingFileAndField()
    {
        string path = PathOf("overflow.json");
        File.WriteAllText(path, "{\"hp_search_space\": {}, \"run_results\": [{\"score\": 0.5, \"params\": {}}, {\"score\": 1e999, \"params\": {}}]}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Equal($"{path}: run_results[1].score: 1e999 is not a finite number.", error.Message);
    }

    [Fact]
    public void FromJson_MinimalHandWrittenResult_UsesDefaults()
    {
        ExperimentResult result = ExperimentResult.FromJson("""
            {"hp_search_space": {"k": [1, 2]}, "run_results": [{"score": 0.5, "params": {"k": 1}}]}
            """);

        RunResult run = Assert.Single(result.RunResults);
        Assert.Equal((RunStatus.Completed, -1, false), (run.Status, run.TrialNumber, run.IsBaseline));
        Assert.Empty(run.Metadata);
        Assert.Equal(Direction.Maximize, result.Direction);
        Assert.Null(result.Name);
        Assert.Empty(result.Metadata);
    }

    [Fact]
    public void Load_MalformedJson_ThrowsWithPathLineAndColumn()
    {
        string path = PathOf("broken.json");
        File.WriteAllText(path, "{\n  \"run_results\": [,]\n}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2, column 19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJson_MessageHasOnlyOnePosition()
    {
        string path = PathOf("broken-position.json");
        File.WriteAllText(path, "{\n  \"run_results\": [,]\n}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_ThrowsResultFormatException()
    {
        string path = PathOf("empty.json");
        File.WriteAllText(path, "");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"x\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"run_results\": {}}")]
    [InlineData("42")]
    public void Load_JsonThatIsNotAResult_ThrowsClearly(string json)
    {
        string path = PathOf("other.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Equal(path + ": is not an experiment result (no \"run_results\" list).", error.Message);
    }

    [Fact]
    public void Load_ResultWithoutSearchSpace_ThrowsNamingTheField()
    {
        string path = PathOf("nospace.json");
        File.WriteAllText(path, "{\"run_results\": []}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains("has no \"hp_search_space\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidSearchSpace_ThrowsNamingTheParameter()
    {
        string path = PathOf("badspace.json");
        File.WriteAllText(path, "{\"hp_search_space\": {\"lr\": {\"type\": \"gaussian\"}}, \"run_results\": []}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Parameter 'lr'", error.Message, StringComparison.Ordinal);
        Assert.Contains("gaussian", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_InvalidSearchSpace_MessageEndsWithOnePeriod()
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson("{\"hp_search_space\": {\"lr\": {\"type\": \"gaussian\"}}, \"run_results\": []}"));

        Assert.DoesNotContain("..", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownDirection_ThrowsNamingIt()
    {
        string path = PathOf("direction.json");
        File.WriteAllText(path, "{\"hp_search_space\": {}, \"direction\": \"sideways\", \"run_results\": []}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains("unknown direction \"sideways\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RunWithoutParams_ThrowsResultFormatException()
    {
        string path = PathOf("noparams.json");
        File.WriteAllText(path, "{\"hp_search_space\": {}, \"run_results\": [{\"score\": 1}]}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains("a run has no \"params\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RunWithUnknownStatus_ThrowsNamingIt()
    {
        string path = PathOf("status.json");
        File.WriteAllText(path, "{\"hp_search_space\": {}, \"run_results\": [{\"score\": 1, \"params\": {}, \"status\": \"exploded\"}]}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains("unknown run status \"exploded\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"trial_number\": \"three\"")]
    [InlineData("\"trial_number\": 1.5")]
    [InlineData("\"status\": 3")]
    [InlineData("\"error\": 404")]
    [InlineData("\"started_at\": \"yesterday\"")]
    public void Load_RunFieldOfWrongType_ThrowsResultFormatException(string field)
    {
        string path = PathOf("wrongtype.json");
        File.WriteAllText(path, "{\"hp_search_space\": {}, \"run_results\": [{\"score\": 1, \"params\": {}, " + field + "}]}");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ExperimentResult.Load(PathOf("absent.json")));
    }

    [Fact]
    public void FromJson_MalformedText_ThrowsWithoutPath()
    {
        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson("{"));

        Assert.StartsWith("Invalid experiment result: malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_ExistingFile_IsReplacedAndNoTemporaryFileLeft()
    {
        string path = PathOf("replace.json");
        File.WriteAllText(path, new string('x', 100_000));

        FourRuns("new").Save(path);

        Assert.Equal("new", ExperimentResult.Load(path).Name);
        Assert.Equal(["replace.json"], Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)));
    }

    [Fact]
    public void Save_MissingDirectory_CreatesIt()
    {
        string path = PathOf(Path.Combine("a", "b", "result.json"));

        FourRuns().Save(path);

        Assert.Equal(4, ExperimentResult.Load(path).Count);
    }

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static void AssertSameValue(object? expected, object? actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(expected?.GetType(), actual?.GetType());
    }
}
