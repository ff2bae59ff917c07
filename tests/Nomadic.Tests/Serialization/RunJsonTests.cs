using System.Text;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Serialization;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Serialization;

public class RunJsonTests
{
    [Fact]
    public void Write_SeedRun_HasNomadicFieldsOnly()
    {
        using JsonDocument document = JsonDocument.Parse(Written(ExampleRun()));

        Assert.Equal(["trial_number", "status", "score", "params", "metadata"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("completed", document.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Write_FailedRun_ScoreIsNullAndErrorWritten()
    {
        using JsonDocument document = JsonDocument.Parse(Written(RunResult.Failed(Params(), "boom")));

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("score").ValueKind);
        Assert.Equal("failed", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("boom", document.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Write_Bookkeeping_WritesTimeDurationAndBaseline()
    {
        RunResult run = Run(1).WithTrialInfo(2, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(2.5), isBaseline: true);

        using JsonDocument document = JsonDocument.Parse(Written(run));

        Assert.Equal(2, document.RootElement.GetProperty("trial_number").GetInt32());
        Assert.Equal("2025-01-01T00:00:00.0000000+00:00", document.RootElement.GetProperty("started_at").GetString());
        Assert.Equal(2.5, document.RootElement.GetProperty("duration_seconds").GetDouble());
        Assert.True(document.RootElement.GetProperty("is_baseline").GetBoolean());
    }

    [Fact]
    public void Read_WrittenRun_IsEqualFieldByField()
    {
        RunResult original = new RunResult(0.25, Params(("a", 1), ("b", "x")), Params(("m", 2.0))) { Status = RunStatus.Pruned, Error = "early" }
            .WithTrialInfo(9, new DateTimeOffset(2025, 2, 3, 4, 5, 6, TimeSpan.FromHours(1)), TimeSpan.FromSeconds(3), isBaseline: true);

        RunResult back = ReadRun(Written(original));

        Assert.Equal(Written(original), Written(back));
        Assert.Equal((0.25, RunStatus.Pruned, "early", 9, true), (back.Score, back.Status, back.Error, back.TrialNumber, back.IsBaseline));
    }

    [Fact]
    public void Write_IntermediateValues_PairsOfStepAndValueLast()
    {
        RunResult run = new RunResult(0.5, Params()) { IntermediateValues = [new(0, 0.25), new(3, 1.0), new(4, double.NegativeInfinity)] };

        string json = Written(run);

        Assert.EndsWith("\"intermediate_values\":[[0,0.25],[3,1.0],[4,\"-Infinity\"]]}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoIntermediateValues_OmitsTheField()
    {
        Assert.DoesNotContain("intermediate_values", Written(Run(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrittenIntermediateValues_RoundTrip()
    {
        RunResult original = RunResult.Pruned(Params(("lr", 0.1)), [new(0, 0.1), new(1, 0.2), new(7, 2.0), new(9, double.PositiveInfinity)]);

        RunResult back = ReadRun(Written(original));

        Assert.Equal(original.IntermediateValues, back.IntermediateValues);
        Assert.Equal((RunStatus.Pruned, double.PositiveInfinity), (back.Status, back.Score));
        Assert.Equal(Written(original), Written(back));
    }

    [Fact]
    public void Read_IntermediateValuesOutOfOrder_ThrowsJsonExceptionNamingTheField()
    {
        var error = Assert.Throws<JsonException>(() => ReadRun("""{"score": 1, "params": {}, "intermediate_values": [[2, 0.5], [1, 0.4]]}"""));

        Assert.Contains("intermediate_values", error.Message, StringComparison.Ordinal);
        Assert.Contains("step 1 follows step 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IntermediateValuesNotPairs_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => ReadRun("""{"score": 1, "params": {}, "intermediate_values": [[1, 0.5, 3]]}"""));
        Assert.Throws<JsonException>(() => ReadRun("""{"score": 1, "params": {}, "intermediate_values": {"1": 0.5}}"""));
        Assert.Throws<JsonException>(() => ReadRun("""{"score": 1, "params": {}, "intermediate_values": [[0.5, 0.5]]}"""));
    }

    [Fact]
    public void Read_NullMetadata_IsEmpty()
    {
        RunResult run = ReadRun("""{"score": 1, "params": {}, "metadata": null}""");

        Assert.Empty(run.Metadata);
    }

    [Theory]
    [InlineData("""{"params": {}}""", "a run has no \"score\"")]
    [InlineData("""{"score": 1}""", "a run has no \"params\"")]
    [InlineData("""{"score": 1, "params": []}""", "expected an object, found array")]
    [InlineData("""{"score": 1, "params": {}, "status": "lost"}""", "unknown run status \"lost\"")]
    [InlineData("""[1]""", "a run must be a JSON object")]
    public void Read_InvalidRun_ThrowsJsonExceptionSayingWhy(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => ReadRun(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RunStatus.Completed, "completed")]
    [InlineData(RunStatus.Failed, "failed")]
    [InlineData(RunStatus.Pruned, "pruned")]
    public void StatusName_EveryStatus_IsLowerCaseName(RunStatus status, string name)
    {
        Assert.Equal(name, RunJson.StatusName(status));
    }

    [Fact]
    public void StatusName_UnknownStatus_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RunJson.StatusName((RunStatus)42));
    }

    private static string Written(RunResult run)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            RunJson.Write(writer, run);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static RunResult ReadRun(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return RunJson.Read(document.RootElement);
    }
}
