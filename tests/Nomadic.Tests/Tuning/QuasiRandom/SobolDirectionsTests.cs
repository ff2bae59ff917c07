using Nomadic.Tuning.QuasiRandom;

namespace Nomadic.Tests.Tuning.QuasiRandom;

public class SobolDirectionsTests
{
    [Fact]
    public void MaxDimension_CoversAtLeast21Coordinates()
    {
        Assert.True(SobolDirections.MaxDimension >= 21);
    }

    [Fact]
    public void Of_EveryCoordinate_GivesOddNumbersScaledToTheirDigit()
    {
        for (int j = 0; j < SobolDirections.MaxDimension; j++)
        {
            uint[] v = SobolDirections.Of(j);
            for (int k = 0; k < SobolDirections.Bits; k++)
            {
                // V_k = m_k * 2^(32 - k) with m_k odd and below 2^k: its lowest set bit is digit k.
                Assert.Equal(SobolDirections.Bits - 1 - k, System.Numerics.BitOperations.TrailingZeroCount(v[k]));
            }
        }
    }

    [Fact]
    public void Of_FirstCoordinate_IsVanDerCorput()
    {
        Assert.Equal(Enumerable.Range(0, 32).Select(k => 1u << (31 - k)), SobolDirections.Of(0));
    }
}
