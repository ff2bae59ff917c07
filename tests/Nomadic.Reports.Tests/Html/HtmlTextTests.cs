using Nomadic.Reports.Html;

namespace Nomadic.Reports.Tests.Html;

public class HtmlTextTests
{
    [Theory]
    [InlineData(0L, "0 s")]
    [InlineData(1L, "< 0.001 s")]
    [InlineData(4_000L, "< 0.001 s")]
    [InlineData(6_000L, "0.001 s")]
    [InlineData(15_000_000L, "1.5 s")]
    [InlineData(750_000_000L, "0:01:15")]
    public void Duration_OfTicks_ReadsAsTimeTaken(long ticks, string expected)
    {
        Assert.Equal(expected, HtmlText.Duration(TimeSpan.FromTicks(ticks)));
    }
}
