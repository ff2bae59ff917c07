using Nomadic.Reports.Data;
using Nomadic.Reports.Rendering;
using Nomadic.Reports.Tests.Support;

namespace Nomadic.Reports.Tests.Rendering;

public class DistributionRendererTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(300)]
    public void Draw_AnyNumberOfRuns_CountAxisShowsWholeCountsFromZero(int runs)
    {
        ScoreDistributionData data = ExperimentPlotData.ScoreDistribution(HistoryRendererTests.Runs(runs));

        IReadOnlyList<string> labels = AxisTicks.Labels(DistributionRenderer.Draw(data, "Score distribution"), p => p.Axes.Left);

        AxisTicks.AssertWholeNumbersFrom(labels, 0);
        Assert.Equal("0", labels[0]);
    }
}
