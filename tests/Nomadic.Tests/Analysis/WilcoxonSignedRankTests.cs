using CsCheck;
using Nomadic.Analysis;

namespace Nomadic.Tests.Analysis;

public class WilcoxonSignedRankTests
{
    public static TheoryData<string> Cases => ScipyReference.Names("wilcoxon");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyFixture_MatchesStatisticPValueAndMethod(string name)
    {
        var c = ScipyReference.Case("wilcoxon", name);

        RankTestResult result = c.TryGetProperty("differences", out _)
            ? WilcoxonSignedRank.Test(c.Doubles("differences"))
            : WilcoxonSignedRank.Test(c.Doubles("x"), c.Doubles("y"));

        Assert.Equal(c.Text("method"), result.Method == PValueMethod.Exact ? "exact" : "asymptotic");
        Assert.Equal(c.Double("statistic"), result.Statistic);
        ScipyReference.AssertClose(c.Double("pvalue"), result.PValue, result.Method == PValueMethod.Exact ? 1e-12 : 1e-9);
    }

    [Fact]
    public void Test_AllDifferencesZero_Throws() =>
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([0.0, 0.0, 0.0]));

    [Fact]
    public void Test_UnequalLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([1.0, 2.0], [1.0]));

    [Fact]
    public void Test_NegatedDifferences_SamePValue() =>
        Gen.Double[-3, 3].Array[1, 60].Where(d => d.Any(v => v != 0)).Sample(d =>
            WilcoxonSignedRank.Test(d).PValue == WilcoxonSignedRank.Test([.. d.Select(v => -v)]).PValue);
}
