using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Serialization;

/// <summary>The <c>objectives</c> of a result's JSON form.</summary>
public class ObjectivesJsonTests
{
    private static readonly ObjectiveMetric Latency = new("latency_ms", Direction.Minimize);
    private static readonly ObjectiveMetric Recall = new("recall", Direction.Maximize);

    [Fact]
    public void ToJsonFromJson_Objectives_RoundTripWithTheFront()
    {
        ExperimentResult result = Result([Latency, Recall]);

        ExperimentResult read = ExperimentResult.FromJson(result.ToJson());

        Assert.Equal([Latency, Recall], read.Objectives);
        Assert.Equal(result.ParetoFront().Select(r => r.TrialNumber), read.ParetoFront().Select(r => r.TrialNumber));
        Assert.IsType<int>(read.RunResults[0].Metadata["latency_ms"]);
    }

    [Fact]
    public void ToJson_NoObjectives_WritesNoObjectivesKey()
    {
        Assert.DoesNotContain("\"objectives\"", Result([]).ToJson());
    }

    [Fact]
    public void FromJson_FileWithoutObjectives_HasNone()
    {
        string json = Result([Latency]).ToJson().Replace("\"objectives\"", "\"ignored\"");

        Assert.Empty(ExperimentResult.FromJson(json).Objectives);
    }

    [Theory]
    [InlineData("\"objectives\": 3,", "not a list")]
    [InlineData("\"objectives\": [{\"direction\": \"minimize\"}],", "objective 0 without a \"name\"")]
    [InlineData("\"objectives\": [{\"name\": \"a\", \"direction\": \"up\"}],", "objective \"a\" without a direction")]
    [InlineData("\"objectives\": [{\"name\": \"a\", \"direction\": \"minimize\"}, {\"name\": \"a\", \"direction\": \"maximize\"}],", "lists objective \"a\" twice")]
    public void FromJson_InvalidObjectives_IsAFormatErrorNamingTheProblem(string objectives, string expected)
    {
        string json = Result([]).ToJson().Replace("\"run_results\":", objectives + " \"run_results\":");

        var error = Assert.Throws<ResultFormatException>(() => ExperimentResult.FromJson(json));

        Assert.Contains(expected, error.Message);
    }

    private static ExperimentResult Result(IReadOnlyList<ObjectiveMetric> objectives) =>
        new(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, [
            new RunResult(0.9, new Dictionary<string, object?> { ["x"] = 0.1 }, new Dictionary<string, object?> { ["latency_ms"] = 40, ["recall"] = 0.5 }) { TrialNumber = 0 },
            new RunResult(0.8, new Dictionary<string, object?> { ["x"] = 0.2 }, new Dictionary<string, object?> { ["latency_ms"] = 20, ["recall"] = 0.4 }) { TrialNumber = 1 },
            new RunResult(0.7, new Dictionary<string, object?> { ["x"] = 0.3 }, new Dictionary<string, object?> { ["latency_ms"] = 30, ["recall"] = 0.3 }) { TrialNumber = 2 },
        ])
        {
            Direction = Direction.Maximize,
            Objectives = objectives,
        };
}
