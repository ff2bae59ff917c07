using Nomadic.Cli.Objectives;

namespace Nomadic.Cli.Tests.Objectives;

public sealed class ScoreLineTests
{
    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("-3", -3.0)]
    [InlineData("1e-3", 0.001)]
    public void TryParse_Number_IsTheScore(string line, double expected)
    {
        Assert.True(ScoreLine.TryParse(line, out double score, out IReadOnlyDictionary<string, object?> metadata, out _));
        Assert.Equal(expected, score);
        Assert.Empty(metadata);
    }

    [Fact]
    public void TryParse_JsonWithMetadata_KeepsValueTypes()
    {
        Assert.True(ScoreLine.TryParse("""{"score": 2, "metadata": {"n": 4, "x": 4.0, "big": 5000000000}}""", out double score, out IReadOnlyDictionary<string, object?> metadata, out _));

        Assert.Equal(2.0, score);
        Assert.IsType<int>(metadata["n"]);
        Assert.IsType<double>(metadata["x"]);
        Assert.IsType<long>(metadata["big"]);
    }

    [Theory]
    [InlineData("accuracy: 0.9", "the last output line is not a score: \"accuracy: 0.9\"")]
    [InlineData("{\"score\": 1", "the last output line is not valid JSON")]
    [InlineData("{\"score\": \"0.9\"}", "has no number \"score\"")]
    [InlineData("{\"loss\": 0.3}", "unknown key \"loss\" (expected \"score\" and \"metadata\")")]
    [InlineData("{\"score\": 1, \"metadata\": [1]}", "the \"metadata\" of the last output line is not an object")]
    public void TryParse_NoScore_SaysWhy(string line, string problem)
    {
        Assert.False(ScoreLine.TryParse(line, out _, out _, out string actual));
        Assert.Contains(problem, actual, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_VeryLongLine_IsShortenedInTheProblem()
    {
        Assert.False(ScoreLine.TryParse(new string('x', 1000), out _, out _, out string problem));

        Assert.InRange(problem.Length, 100, 200);
    }
}
