using Nomadic.Reports.Data;
using Nomadic.Reports.Rendering;
using Nomadic.Reports.Tests.Support;
using ScottPlot;

namespace Nomadic.Reports.Tests.Rendering;

public class ParallelCoordinatesRendererTests
{
    private static readonly ParallelCoordinatesData Rag = ExperimentPlotData.ParallelCoordinates(RagResults.Load());

    [Fact]
    public void Draw_ManyAxes_NamesDoNotOverlapAndStayInsideTheImage()
    {
        EmbeddedFonts.EnsureRegistered();
        Plot plot = ParallelCoordinatesRenderer.Draw(Rag, "Parallel coordinates");
        using var image = new PixelChecks(plot);
        LabelStyle style = plot.Axes.Bottom.TickLabelStyle;
        using Paint paint = Paint.NewDisposablePaint();

        Tick[] ticks = [.. plot.Axes.Bottom.TickGenerator.Ticks.OrderBy(t => t.Position)];
        Assert.Equal(Rag.Axes.Count, ticks.Length);
        for (int i = 0; i + 1 < ticks.Length; i++)
        {
            (float left, float right) = Span(image, style, paint, ticks[i]);
            (float nextLeft, _) = Span(image, style, paint, ticks[i + 1]);
            bool sameRow = ticks[i].Label.StartsWith('\n') == ticks[i + 1].Label.StartsWith('\n');
            Assert.True(!sameRow || right < nextLeft, $"'{ticks[i].Label.Trim()}' ends at {right} px, '{ticks[i + 1].Label.Trim()}' starts at {nextLeft} px");
        }

        Assert.Empty(image.InkOnTheEdges());
    }

    [Fact]
    public void Draw_ConditionalParameters_LabelsTheAbsentSlotAndShowsAScoreColourBar()
    {
        EmbeddedFonts.EnsureRegistered();
        Plot plot = ParallelCoordinatesRenderer.Draw(Rag, "Parallel coordinates");

        IReadOnlyList<string> texts = ImageChecks.SvgTexts(plot.GetSvgXml(900, 560));

        Assert.Equal(Rag.Axes.Count(a => a.AbsentPosition is not null), texts.Count(t => t == "absent"));
        Assert.Equal(4, texts.Count(t => t == "absent"));
        Assert.Contains(plot.Axes.GetPanels(), p => p is ScottPlot.Panels.ColorBar bar && bar.Label == "score");
    }

    private static (float Left, float Right) Span(PixelChecks image, LabelStyle style, Paint paint, Tick tick)
    {
        float centre = image.PixelOf(tick.Position, 0).X, width = style.Measure(tick.Label.Trim(), paint).Width;
        return (centre - (width / 2), centre + (width / 2));
    }
}
