using Nomadic.Analysis;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Analysis;

public class ExperimentAnalysisTests
{
    private static ExperimentResult Result(IEnumerable<double> scores, Direction direction = Direction.Maximize) =>
        new(new SearchSpace(), scores.Select(s => new RunResult(s, new Dictionary<string, object?>())).ToList()) { Direction = direction };

    [Fact]
    public void Summarize_ScipyFixture_MatchesNumPy()
    {
        foreach (var c in ScipyReference.Cases("summary"))
        {
            ScoreSummary s = Result(c.Doubles("values")).Summarize();

            ScipyReference.AssertClose(c.Double("mean"), s.Mean);
            ScipyReference.AssertClose(c.Double("min"), s.Min);
            ScipyReference.AssertClose(c.Double("q25"), s.Q25);
            ScipyReference.AssertClose(c.Double("median"), s.Median);
            ScipyReference.AssertClose(c.Double("q75"), s.Q75);
            ScipyReference.AssertClose(c.Double("max"), s.Max);
            if (c.GetProperty("std").ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.True(double.IsNaN(s.StandardDeviation));
            }
            else
            {
                ScipyReference.AssertClose(c.Double("std"), s.StandardDeviation);
            }
        }
    }

    [Fact]
    public void Summarize_MixedStatuses_CountsEachAndSummarizesCompletedOnly()
    {
        var empty = new Dictionary<string, object?>();
        var result = new ExperimentResult(new SearchSpace(), [
            new RunResult(1.0, empty, new Dictionary<string, object?> { ["latency_ms"] = 10 }),
            new RunResult(3.0, empty, new Dictionary<string, object?> { ["latency_ms"] = 30.0 }),
            RunResult.Failed(empty, "boom"),
            RunResult.Pruned(empty, [new IntermediateValue(0, 9.0)]),
        ]);

        ScoreSummary scores = result.Summarize();
        ScoreSummary latency = result.Summarize("latency_ms");

        Assert.Equal((4, 2, 1, 1, 2), (scores.Count, scores.Completed, scores.Failed, scores.Pruned, scores.ValueCount));
        Assert.Equal(2.0, scores.Mean);
        Assert.Equal(20.0, latency.Mean);
        Assert.Equal("latency_ms", latency.Metric);
    }

    [Fact]
    public void Summarize_NoValues_NaNStatistics()
    {
        ScoreSummary s = Result([]).Summarize("missing");

        Assert.Equal(0, s.ValueCount);
        Assert.True(double.IsNaN(s.Mean) && double.IsNaN(s.Median));
    }

    [Theory]
    [InlineData(Direction.Maximize, new[] { 5.0, 4.0 })]
    [InlineData(Direction.Minimize, new[] { 1.0, 2.0 })]
    public void Top_Direction_BestFirst(Direction direction, double[] expected) =>
        Assert.Equal(expected, Result([2.0, 5.0, double.NaN, 1.0, 4.0], direction).Top(2).Select(r => r.Score));

    [Fact]
    public void TestSignificance_ScipyFixture_MatchesNomadicOriginal()
    {
        foreach (var c in ScipyReference.Cases("significance"))
        {
            SignificanceTest t = Result(c.Doubles("scores")).TestSignificance(c.GetProperty("n").GetInt32());

            Assert.Equal(c.Double("statistic"), t.UStatistic);
            ScipyReference.AssertClose(c.Double("pvalue"), t.PValue, t.Method == PValueMethod.Exact ? 1e-12 : 1e-9);
            Assert.Equal(c.Text("method"), t.Method == PValueMethod.Exact ? "exact" : "asymptotic");
            ScipyReference.AssertClose(c.Double("d"), t.CohensD);
            Assert.Equal(c.Text("label"), t.EffectSize.ToString());
            Assert.StartsWith("Descriptive only", t.Note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TestSignificance_TopThreeOfTwelve_CohensDAsNomadic()
    {
        double[] scores = [0.40, 0.62, 0.28, 0.57, 0.46, 0.68, 0.35, 0.52, 0.31, 0.65, 0.43, 0.56];

        SignificanceTest t = Result(scores).TestSignificance(3);

        // nomadic divides by √((s₁² + s₂²) / 2): 2.81; weighting the variances by degrees of freedom would give 2.29.
        Assert.Equal(2.81, t.CohensD, 2);
        Assert.Equal(NomadicEffectSize.Large, t.EffectSize);
    }

    [Fact]
    public void TestSignificance_TopOne_CohensDUndefinedAsNomadic()
    {
        SignificanceTest t = Result([0.1, 0.2, 0.3, 0.4]).TestSignificance(1);

        Assert.Equal(3.0, t.UStatistic);
        Assert.True(double.IsNaN(t.CohensD));
        Assert.Null(t.EffectSize);
    }

    [Fact]
    public void TestSignificance_TenThousandDistinctScores_ExactDistribution()
    {
        // Top 5 of 10,000 distinct scores: SciPy's rule picks the exact distribution, counted here with big integers.
        SignificanceTest t = Result(Enumerable.Range(0, 10_000).Select(i => i * 0.001)).TestSignificance();

        Assert.Equal(PValueMethod.Exact, t.Method);
        Assert.Equal(5 * 9_995, t.UStatistic);
        ScipyReference.AssertClose(2.0 / 832_500_291_625_002_000.0, t.PValue, 1e-12); // 2 / C(10000, 5): only the top 5 beat all others
    }

    [Fact]
    public void TestSignificance_TooFewRuns_NoteInsteadOfNumbers()
    {
        SignificanceTest t = Result([0.5, 0.6]).TestSignificance(5);

        Assert.True(double.IsNaN(t.PValue));
        Assert.Null(t.Method);
        Assert.StartsWith("Too little data", t.Note, StringComparison.Ordinal);
    }
}
