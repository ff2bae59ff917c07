using System.Text;
using Nomadic.Pruning;

namespace Nomadic.Tests.Pruning;

public class Crc32Tests
{
    [Theory]
    [InlineData("", 0u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("hb_0", 2407493257u)]
    public void Compute_KnownInputs_MatchZlib(string text, uint crc)
    {
        Assert.Equal(crc, Crc32.Compute(Encoding.UTF8.GetBytes(text)));
    }
}
