using Nomadic.Results;
using Nomadic.Tuning;
using Nomadic.Tuning.Encoders;
using Nomadic.Tuning.Gp;

namespace Nomadic.Tests.Tuning.Gp;

public class ObservationsTests
{
    private static readonly SpaceEncoder Encoder = new(new SearchSpace { ["x"] = Tune.Uniform(0, 10), ["c"] = Tune.Choice("a", "b") });

    [Fact]
    public void Collect_FailedPrunedAndForeignRuns_AreKnownButNotModelled()
    {
        List<RunResult> finished =
        [
            new(1.0, Config(1, "a")),
            new(3.0, Config(3, "b")),
            RunResult.Failed(Config(5, "a"), "boom"),
            new(9.0, Config(6, "a")) { Status = RunStatus.Pruned },
            new(9.0, Config(7, "z")),
            new(9.0, new Dictionary<string, object?> { ["x"] = 8.0 }),
        ];

        var observations = Observations.Collect(new TunerContext(finished, []), Encoder, Direction.Maximize);

        Assert.Equal(2, observations.Points.Length);
        Assert.Equal(4, observations.Known.Count);
        Assert.Contains(Encoder.Encode(Config(5, "a"))!, observations.Known);
    }

    [Fact]
    public void Collect_Minimize_StandardizesNegatedScores()
    {
        List<RunResult> finished = [new(1.0, Config(1, "a")), new(2.0, Config(2, "a")), new(6.0, Config(3, "b"))];

        var observations = Observations.Collect(new TunerContext(finished, []), Encoder, Direction.Minimize);

        Assert.Equal(0, observations.Values.Average(), 1e-12);
        Assert.Equal(1, Math.Sqrt(observations.Values.Average(v => v * v)), 1e-12);
        Assert.Equal(observations.Values[0], observations.BestValue);
        Assert.Equal(observations.Points[0], observations.BestPoint);
    }

    [Fact]
    public void Collect_ScoresNearDoubleRange_StayFinite()
    {
        List<RunResult> finished = [new(1e308, Config(1, "a")), new(-1e308, Config(2, "a")), new(1.0, Config(3, "b"))];

        var observations = Observations.Collect(new TunerContext(finished, []), Encoder, Direction.Maximize);

        Assert.All(observations.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Collect_RunningConfigurations_AreKnownAndKeptApart()
    {
        var observations = Observations.Collect(new TunerContext([], [Config(4, "b")]), Encoder, Direction.Maximize);

        Assert.Empty(observations.Points);
        Assert.Single(observations.Running);
        Assert.Contains(Encoder.Encode(Config(4, "b"))!, observations.Known);
        Assert.True(double.IsNaN(observations.BestValue));
    }

    private static Dictionary<string, object?> Config(double x, string c) => new() { ["x"] = x, ["c"] = c };
}
