using Nomadic.Analysis;

namespace Nomadic.Reports.Tests;

public class ComparisonRowsTests
{
    private static ConfigurationComparison Untested(string label, string verdict) => new() { Label = label, Verdict = verdict };

    [Fact]
    public void Of_SameReasonForSeveral_OneRowNamingThemAll()
    {
        ReportStatistic[] rows = [.. ComparisonRows.Of([
            Untested("baseline", "Too little data: single scores."),
            Untested("runner-up 1", "Too little data: single scores."),
            Untested("runner-up 2", "Too little data: single scores."),
        ])];

        Assert.Equal([new ReportStatistic("Best vs baseline and runners-up 1 and 2", "Too little data: single scores.")], rows);
    }

    [Fact]
    public void Of_TestedAndDifferentReasons_OwnRowsInOrder()
    {
        var tested = new ConfigurationComparison
        {
            Label = "runner-up 1",
            Test = new RankTestResult(3, 0.2, PValueMethod.Exact),
            Verdict = "No significant difference from the runner-up 1.",
        };

        ReportStatistic[] rows = [.. ComparisonRows.Of([
            Untested("baseline", "Too little data: no baseline."),
            tested,
            Untested("runner-up 2", "Too little data: single scores."),
            Untested("runner-up 3", "Too little data: single scores."),
            Untested("runner-up 4", "Too little data: there is no runner-up 4."),
        ])];

        Assert.Equal(
            [
                new ReportStatistic("Best vs baseline", "Too little data: no baseline."),
                new ReportStatistic("Best vs runner-up 1", "No significant difference from the runner-up 1."),
                new ReportStatistic("Best vs runners-up 2 and 3", "Too little data: single scores."),
                new ReportStatistic("Best vs runner-up 4", "Too little data: there is no runner-up 4."),
            ],
            rows);
    }

    [Fact]
    public void Of_TwoTestedWithEqualVerdicts_KeepsBoth()
    {
        var test = new RankTestResult(1, 0.5, PValueMethod.Exact);

        ReportStatistic[] rows = [.. ComparisonRows.Of([
            new ConfigurationComparison { Label = "runner-up 1", Test = test, Verdict = "Same words." },
            new ConfigurationComparison { Label = "runner-up 2", Test = test, Verdict = "Same words." },
        ])];

        Assert.Equal(["Best vs runner-up 1", "Best vs runner-up 2"], rows.Select(r => r.Title));
    }
}
