using Nomadic.Cli.Output;

namespace Nomadic.Cli.Tests.Output;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData(0, "0 runs")]
    [InlineData(1, "1 run")]
    [InlineData(2, "2 runs")]
    [InlineData(1200, "1200 runs")]
    public void Runs_Count_ReadsAsEnglish(long count, string expected)
    {
        Assert.Equal(expected, DisplayText.Runs(count));
    }
}
