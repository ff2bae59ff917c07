using Nomadic.Analysis;

namespace Nomadic.Tests.Analysis;

public class CohensDTests
{
    [Fact]
    public void Compute_ScipyFixture_MatchesPooledFormulaAndLabel()
    {
        foreach (var c in ScipyReference.Cases("cohens_d"))
        {
            double d = CohensD.Compute(c.Doubles("x"), c.Doubles("y"));

            ScipyReference.AssertClose(c.Double("d"), d);
            Assert.Equal(c.Text("label"), CohensD.Magnitude(d).ToString());
        }
    }

    [Theory]
    [InlineData(0.0, EffectSizeMagnitude.Negligible)]
    [InlineData(0.1999, EffectSizeMagnitude.Negligible)]
    [InlineData(0.2, EffectSizeMagnitude.Small)]
    [InlineData(-0.49, EffectSizeMagnitude.Small)]
    [InlineData(0.5, EffectSizeMagnitude.Medium)]
    [InlineData(0.79, EffectSizeMagnitude.Medium)]
    [InlineData(-0.8, EffectSizeMagnitude.Large)]
    [InlineData(double.PositiveInfinity, EffectSizeMagnitude.Large)]
    [InlineData(double.NaN, EffectSizeMagnitude.Negligible)]
    public void Magnitude_AtThresholds_UsesCohensLabels(double d, EffectSizeMagnitude expected) =>
        Assert.Equal(expected, CohensD.Magnitude(d));

    [Fact]
    public void Compute_TooFewValues_NaN() =>
        Assert.True(double.IsNaN(CohensD.Compute([1.0], [2.0])));

    [Fact]
    public void Compute_NoSpreadEqualMeans_Zero() =>
        Assert.Equal(0.0, CohensD.Compute([1.0, 1.0], [1.0, 1.0]));
}
