using Nomadic.Reports.Rendering;
using Nomadic.Reports.Tests.Support;
using ScottPlot;

namespace Nomadic.Reports.Tests.Rendering;

public class ChartStyleTests
{
    [Fact]
    public void ShowLegendAbove_LabelledPlottable_PutsTheLegendBetweenTitleAndDataArea()
    {
        Plot plot = ChartStyle.Create("t", "x", "y");
        plot.Add.ScatterPoints(new double[] { 1, 2 }, new double[] { 1, 2 }).LegendText = "run";

        ChartStyle.ShowLegendAbove(plot);

        Assert.False(plot.Legend.IsVisible);
        var panel = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
        Assert.Equal(Edge.Top, panel.Edge);
    }

    [Fact]
    public void ShowLegendAbove_NothingLabelled_AddsNoLegendAndTheImageStillHasItsTitle()
    {
        EmbeddedFonts.EnsureRegistered();
        Plot plot = ChartStyle.Create("Optimization history", "run", "score");

        ChartStyle.ShowLegendAbove(plot);

        Assert.Empty(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
        Assert.Contains("Optimization history", ImageChecks.SvgTexts(plot.GetSvgXml(400, 300)));
    }
}
