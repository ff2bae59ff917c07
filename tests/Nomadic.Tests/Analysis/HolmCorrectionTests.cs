using CsCheck;
using Nomadic.Analysis;

namespace Nomadic.Tests.Analysis;

public class HolmCorrectionTests
{
    [Fact]
    public void Adjust_Fixture_MatchesStepDownFormula()
    {
        foreach (var c in ScipyReference.Cases("holm"))
        {
            double[] adjusted = HolmCorrection.Adjust(c.Doubles("p"));

            double[] expected = c.Doubles("adjusted");
            for (int i = 0; i < expected.Length; i++)
            {
                ScipyReference.AssertClose(expected[i], adjusted[i], 1e-12);
            }
        }
    }

    [Fact]
    public void Adjust_KnownExample_MatchesHandComputation()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 → 4·0.005, 3·0.01, max(2·0.03, 0.03), max(1·0.04, 0.06).
        double[] adjusted = HolmCorrection.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Adjust_NaN_StaysNaNAndIsNotCounted()
    {
        double[] adjusted = HolmCorrection.Adjust([0.01, double.NaN, 0.02]);

        Assert.Equal(0.02, adjusted[0], 12);
        Assert.True(double.IsNaN(adjusted[1]));
        Assert.Equal(0.02, adjusted[2], 12);
    }

    [Fact]
    public void Adjust_OutOfRange_Throws() =>
        Assert.Throws<ArgumentException>(() => HolmCorrection.Adjust([1.5]));

    [Fact]
    public void Adjust_AnyPValues_NeverBelowRawAndMonotone() =>
        Gen.Double[0, 1].Array[1, 20].Sample(p =>
        {
            double[] a = HolmCorrection.Adjust(p);
            int[] order = [.. Enumerable.Range(0, p.Length).OrderBy(i => p[i])];
            return p.Select((v, i) => a[i] >= v && a[i] <= 1).All(ok => ok)
                && order.Zip(order.Skip(1)).All(pair => a[pair.First] <= a[pair.Second]);
        });
}
