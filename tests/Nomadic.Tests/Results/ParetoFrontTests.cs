using CsCheck;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Results;

public class ParetoFrontTests
{
    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(0, 1) };
    private static readonly ObjectiveMetric Latency = new("latency_ms", Direction.Minimize);

    [Fact]
    public void ParetoFront_AccuracyAgainstLatency_KeepsTheTradeOffsInTrialOrder()
    {
        ExperimentResult result = Result(Direction.Maximize, [Latency], (0.90, 50), (0.80, 10), (0.85, 60), (0.95, 100), (0.80, 20));

        Assert.Equal([0, 1, 3], result.ParetoFront().Select(r => r.TrialNumber));
    }

    [Fact]
    public void ParetoFront_BothMinimized_KeepsTheLowerLeftCorner()
    {
        ExperimentResult result = Result(Direction.Minimize, [Latency], (1, 5), (2, 2), (3, 1), (3, 3), (2, 4));

        Assert.Equal([0, 1, 2], result.ParetoFront().Select(r => r.TrialNumber));
    }

    [Fact]
    public void ParetoFront_MaximizedMetric_FollowsItsDirection()
    {
        ExperimentResult result = Result(Direction.Minimize, [new ObjectiveMetric("throughput", Direction.Maximize)], (1, 5), (2, 10), (3, 7));

        Assert.Equal([0, 1], result.ParetoFront().Select(r => r.TrialNumber));
    }

    [Fact]
    public void ParetoFront_EqualPoints_KeepsBoth()
    {
        ExperimentResult result = Result(Direction.Maximize, [Latency], (0.9, 10), (0.9, 10), (0.5, 20));

        Assert.Equal([0, 1], result.ParetoFront().Select(r => r.TrialNumber));
    }

    [Fact]
    public void ParetoFront_RunsMissingAMetricOrFailed_AreLeftOut()
    {
        var runs = new List<RunResult>
        {
            new(0.99, Params(0)) { TrialNumber = 0 },
            new(0.98, Params(1), new Dictionary<string, object?> { ["latency_ms"] = double.NaN }) { TrialNumber = 1 },
            new(0.97, Params(2), new Dictionary<string, object?> { ["latency_ms"] = "fast" }) { TrialNumber = 2 },
            RunResult.Failed(Params(3), "boom", new Dictionary<string, object?> { ["latency_ms"] = 1 }),
            new(0.5, Params(4), new Dictionary<string, object?> { ["latency_ms"] = 100m }) { TrialNumber = 4 },
        };
        var result = new ExperimentResult(Space, runs) { Objectives = [Latency] };

        Assert.Equal([4], result.ParetoFront().Select(r => r.TrialNumber));
    }

    [Fact]
    public void ParetoFront_NoExtraObjectives_IsTheBestRuns()
    {
        ExperimentResult result = SeedResults.Result(Direction.Maximize, 0.3, 0.9, 0.5, 0.9);

        Assert.Equal([0.9, 0.9], result.ParetoFront().Select(r => r.Score));
        Assert.Same(result.BestRunResult, result.ParetoFront()[0]);
    }

    [Fact]
    public void ParetoFront_NoCompletedRun_IsEmpty()
    {
        var result = new ExperimentResult(Space, [RunResult.Failed(Params(0), "boom")]) { Objectives = [Latency] };

        Assert.Empty(result.ParetoFront());
    }

    [Fact]
    public void Objectives_DuplicateNames_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExperimentResult(Space, []) { Objectives = [Latency, Latency] });

        Assert.Contains("'latency_ms' twice", error.Message);
    }

    [Fact]
    public void ParetoFront_AnyRuns_NoMemberDominatedAndEveryOtherRunDominated()
    {
        Gen<(double, double)> point = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6], (a, b) => ((double)a, (double)b));
        Gen.Select(point.Array[0, 30], Gen.Bool, Gen.Bool).Sample((points, maxScore, maxMetric) =>
        {
            var metric = new ObjectiveMetric("m", maxMetric ? Direction.Maximize : Direction.Minimize);
            ExperimentResult result = Result(maxScore ? Direction.Maximize : Direction.Minimize, [metric], points);
            IReadOnlyList<RunResult> front = result.ParetoFront();

            bool Dominates(RunResult a, RunResult b) => ParetoDominance.Dominates(Vector(result, a), Vector(result, b));
            Assert.All(front, f => Assert.DoesNotContain(result.RunResults, r => Dominates(r, f)));
            Assert.All(result.RunResults.Except(front), r => Assert.Contains(front, f => Dominates(f, r)));
            Assert.Equal(front.OrderBy(r => r.TrialNumber), front);
        });
    }

    private static double[] Vector(ExperimentResult result, RunResult run) => ObjectiveVectors.Of(run, result.Direction, result.Objectives)!;

    internal static ExperimentResult Result(Direction direction, IReadOnlyList<ObjectiveMetric> objectives, params (double Score, double Metric)[] points) =>
        new(Space, points.Select((p, i) => new RunResult(p.Score, Params(i), new Dictionary<string, object?> { [objectives[0].Name] = p.Metric }) { TrialNumber = i }))
        {
            Direction = direction,
            Objectives = objectives,
        };

    private static Dictionary<string, object?> Params(int i) => new() { ["x"] = i / 100.0 };
}
