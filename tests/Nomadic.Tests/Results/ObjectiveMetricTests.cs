using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Results;

public class ObjectiveMetricTests
{
    private static readonly ObjectiveMetric Cost = new("cost", Direction.Minimize);

    [Theory]
    [InlineData(3)]
    [InlineData(3L)]
    [InlineData(3.0)]
    [InlineData(3.0f)]
    public void TryGetValue_NumberTypes_AreRead(object value)
    {
        Assert.True(Cost.TryGetValue(Run(value), out double read));
        Assert.Equal(3.0, read);
    }

    [Fact]
    public void TryGetValue_Decimal_IsRead()
    {
        Assert.True(Cost.TryGetValue(Run(2.5m), out double read));
        Assert.Equal(2.5, read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3")]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(true)]
    public void TryGetValue_NotAFiniteNumber_IsFalse(object? value)
    {
        Assert.False(Cost.TryGetValue(Run(value), out _));
    }

    [Fact]
    public void TryGetValue_MissingKey_IsFalse()
    {
        Assert.False(Cost.TryGetValue(new RunResult(1, new Dictionary<string, object?>()), out _));
    }

    [Fact]
    public void ToString_NamesTheDirection()
    {
        Assert.Equal("cost (minimize)", Cost.ToString());
    }

    [Theory]
    [InlineData("", "has no name")]
    [InlineData("  ", "has no name")]
    [InlineData("cost", "lists 'cost' twice")]
    public void ExperimentOptions_InvalidObjectives_AreRejectedInOneLine(string second, string expected)
    {
        var options = new ExperimentOptions { NumSamples = 1, Objectives = [Cost, new ObjectiveMetric(second, Direction.Minimize)] };

        var error = Assert.Throws<ArgumentException>(() => new Experiment(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, _ => 0.0, options));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static RunResult Run(object? value) => new(1, new Dictionary<string, object?>(), new Dictionary<string, object?> { ["cost"] = value });
}
