using Nomadic.Analysis;

namespace Nomadic.Tests.Analysis;

public class CohensDTests
{
    [Fact]
    public void Pooled_ScipyFixture_MatchesPooledFormulaAndLabel()
    {
        foreach (var c in ScipyReference.Cases("cohens_d"))
        {
            double d = CohensD.Pooled(c.Doubles("x"), c.Doubles("y"));

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
    public void Pooled_TooFewValues_NaN() =>
        Assert.True(double.IsNaN(CohensD.Pooled([1.0], [2.0])));

    [Fact]
    public void Pooled_NoSpreadEqualMeans_Zero() =>
        Assert.Equal(0.0, CohensD.Pooled([1.0, 1.0], [1.0, 1.0]));

    [Fact]
    public void NomadicCompatible_TopThreeOfTwelve_AveragesTheTwoVariancesUnweighted()
    {
        // Top 3: mean 0.65, variance 0.0018 / 2; rest: mean 3.88 / 9, variance 0.0896889 / 8 (both with n − 1).
        // Unweighted: 0.2188889 / √((0.0009 + 0.0112111) / 2) = 2.8129; by degrees of freedom: / √(0.0914889 / 10) = 2.2884.
        double[] top = [0.68, 0.65, 0.62];
        double[] rest = [0.57, 0.56, 0.52, 0.46, 0.43, 0.40, 0.35, 0.31, 0.28];

        Assert.Equal(2.81, CohensD.NomadicCompatible(top, rest), 2);
        Assert.Equal(2.29, CohensD.Pooled(top, rest), 2);
    }

    [Fact]
    public void NomadicCompatible_SampleOfOne_NaN() =>
        Assert.True(double.IsNaN(CohensD.NomadicCompatible([3.0], [1.0, 2.0])));

    [Fact]
    public void NomadicCompatible_NoSpreadDifferentMeans_Infinity() =>
        Assert.Equal(double.PositiveInfinity, CohensD.NomadicCompatible([2.0, 2.0], [1.0, 1.0]));

    [Theory]
    [InlineData(0.0, NomadicEffectSize.Small)]
    [InlineData(-0.1999, NomadicEffectSize.Small)]
    [InlineData(0.2, NomadicEffectSize.Medium)]
    [InlineData(0.4999, NomadicEffectSize.Medium)]
    [InlineData(-0.5, NomadicEffectSize.Large)]
    [InlineData(2.81, NomadicEffectSize.Large)]
    [InlineData(double.NegativeInfinity, NomadicEffectSize.Large)]
    public void NomadicLabel_AtThresholds_UsesNomadicsLabels(double d, NomadicEffectSize expected) =>
        Assert.Equal(expected, CohensD.NomadicLabel(d));

    [Fact]
    public void NomadicLabel_NaN_Null() =>
        Assert.Null(CohensD.NomadicLabel(double.NaN));
}
