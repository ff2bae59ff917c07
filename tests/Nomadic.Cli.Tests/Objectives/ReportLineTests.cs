using Nomadic.Cli.Objectives;

namespace Nomadic.Cli.Tests.Objectives;

public class ReportLineTests
{
    [Theory]
    [InlineData("""{"step": 3, "value": 0.81}""", 3, 0.81)]
    [InlineData("""{"value":-2,"step":0}""", 0, -2.0)]
    [InlineData("""{ "step" : 12 , "value" : 1e-3 }""", 12, 0.001)]
    [InlineData("""{"step": 4.0, "value": 1}""", 4, 1.0)]
    public void TryParse_StepAndValue_IsAReport(string line, int step, double value)
    {
        Assert.True(ReportLine.TryParse(line, out int s, out double v, out string? problem));

        Assert.Equal((step, value, null), (s, v, problem));
    }

    [Theory]
    [InlineData("0.81")]
    [InlineData("""{"score": 0.9}""")]
    [InlineData("""{"score": 0.9, "metadata": {"step": 3}}""")]
    [InlineData("""{"step": 3}""")]
    [InlineData("""{"step": 3, "value": 0.5, "epoch": 1}""")]
    [InlineData("""{"step": 3, "value": """)]
    [InlineData("""["step", "value"]""")]
    [InlineData("epoch 3 step 4")]
    public void TryParse_OtherLines_AreNotReports(string line)
    {
        Assert.False(ReportLine.TryParse(line, out _, out _, out string? problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("""{"step": -1, "value": 0.5}""", "\"step\" that is an integer, 0 or more")]
    [InlineData("""{"step": 1.5, "value": 0.5}""", "\"step\" that is an integer, 0 or more")]
    [InlineData("""{"step": "3", "value": 0.5}""", "\"step\" that is an integer, 0 or more")]
    [InlineData("""{"step": 3, "value": "NaN"}""", "\"value\" that is a number")]
    [InlineData("""{"step": 3, "value": null}""", "\"value\" that is a number")]
    [InlineData("""{"step": 3, "value": 1e999}""", "\"value\" that is a number")]
    public void TryParse_ReportWithBadFields_IsAReportWithAProblem(string line, string expected)
    {
        Assert.True(ReportLine.TryParse(line, out _, out _, out string? problem));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains(line, problem, StringComparison.Ordinal);
    }
}
