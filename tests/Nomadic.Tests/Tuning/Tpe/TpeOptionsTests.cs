using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Tpe;

public class TpeOptionsTests
{
    [Fact]
    public void Defaults_AreOptunas31TpeSamplerWithConstantLiar()
    {
        var options = new TpeOptions();

        Assert.Equal(10, options.StartupTrials);
        Assert.Equal(24, options.EiCandidates);
        Assert.Equal(1.0, options.PriorWeight);
        Assert.True(options.ConsiderPrior);
        Assert.True(options.ConsiderMagicClip);
        Assert.False(options.ConsiderEndpoints);
        Assert.False(options.Multivariate);
        Assert.Null(options.Seed);
        Assert.True(options.ConstantLiar);
        Assert.Equal(TpeOptions.DefaultGamma(37), options.Gamma(37));
        Assert.Equal(TpeOptions.DefaultWeights(3, 40), options.Weights(3, 40));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(100, 10)]
    [InlineData(249, 25)]
    [InlineData(10_000, 25)]
    public void DefaultGamma_Count_IsTenPercentRoundedUpAtMost25(int count, int expected)
    {
        Assert.Equal(expected, TpeOptions.DefaultGamma(count));
    }

    [Theory]
    [InlineData(24, new[] { 1.0, 1.0, 1.0 })]
    [InlineData(25, new[] { 1.0, 1.0, 1.0 })]
    [InlineData(26, new[] { 0.0384615385, 1.0, 1.0 })]
    [InlineData(27, new[] { 0.037037037, 1.0, 1.0 })]
    [InlineData(30, new[] { 0.0333333333, 0.275, 0.5166666667, 0.7583333333, 1.0, 1.0 })]
    [InlineData(100, new[] { 0.01, 0.0233783784, 0.0367567568 })]
    public void DefaultWeights_OldestFirst_MatchOptunasDefaultWeights(int count, double[] expected)
    {
        // Optuna 3.1's default_weights(count)[:len(expected)].
        TpeFixtures.AssertClose(expected, expected.Select((_, i) => TpeOptions.DefaultWeights(i, count)), 1e-9);
        Assert.Equal(1.0, TpeOptions.DefaultWeights(count - 1, count));
    }

    [Theory]
    [InlineData(-1, 24, 1.0, "StartupTrials must not be negative, got -1")]
    [InlineData(10, 0, 1.0, "EiCandidates must be at least 1, got 0")]
    [InlineData(10, 24, 0.0, "PriorWeight must be a positive number, got 0")]
    [InlineData(10, 24, double.NaN, "PriorWeight must be a positive number, got NaN")]
    public void Constructor_InvalidSetting_ThrowsArgumentExceptionNamingIt(int startup, int candidates, double priorWeight, string message)
    {
        var options = new TpeOptions { StartupTrials = startup, EiCandidates = candidates, PriorWeight = priorWeight };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new TpeTuner(options));

        Assert.Contains("TpeOptions." + message, error.Message);
    }

    [Fact]
    public void Constructor_NullGamma_ThrowsArgumentExceptionNamingIt()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new TpeTuner(new TpeOptions { Gamma = null! }));

        Assert.Contains("TpeOptions.Gamma must not be null", error.Message);
    }
}
