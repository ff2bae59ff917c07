using CsCheck;
using Nomadic.Analysis;

namespace Nomadic.Tests.Analysis;

public class MannWhitneyUTests
{
    // Halves from -3 to 3: small samples with and without ties, so both the exact and the asymptotic paths run.
    private static readonly Gen<double> Sample = Gen.Int[-6, 6].Select(i => i / 2.0);

    public static TheoryData<string> Cases => ScipyReference.Names("mann_whitney");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyFixture_MatchesStatisticPValueAndMethod(string name)
    {
        var c = ScipyReference.Case("mann_whitney", name);

        RankTestResult result = MannWhitneyU.Test(c.Doubles("x"), c.Doubles("y"));

        Assert.Equal(c.Text("method"), result.Method == PValueMethod.Exact ? "exact" : "asymptotic");
        Assert.Equal(c.Double("statistic"), result.Statistic);
        ScipyReference.AssertClose(c.Double("pvalue"), result.PValue, result.Method == PValueMethod.Exact ? 1e-12 : 1e-9);
    }

    [Fact]
    public void Test_SwappedSamples_SameTwoSidedPValueAndComplementaryU()
    {
        double[] x = [0.1, 0.5, 0.9, 1.3];
        double[] y = [0.2, 0.4, 2.0, 3.0, 4.0];

        RankTestResult xy = MannWhitneyU.Test(x, y);
        RankTestResult yx = MannWhitneyU.Test(y, x);

        Assert.Equal(xy.PValue, yx.PValue, 15);
        Assert.Equal(x.Length * y.Length, xy.Statistic + yx.Statistic);
    }

    [Fact]
    public void Test_EmptySample_Throws() =>
        Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([], [1.0]));

    [Fact]
    public void Test_NaN_Throws() =>
        Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([double.NaN], [1.0]));

    [Fact]
    public void Test_AnySamples_PValueInUnitInterval() =>
        Gen.Select(Sample.Array[1, 12], Sample.Array[1, 12]).Sample((x, y) =>
        {
            RankTestResult r = MannWhitneyU.Test(x, y);
            return r.PValue is >= 0 and <= 1 && r.Statistic >= 0 && r.Statistic <= x.Length * y.Length;
        });
}
