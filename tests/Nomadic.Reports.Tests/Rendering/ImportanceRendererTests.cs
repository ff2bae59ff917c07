using Nomadic.Reports.Data;
using Nomadic.Reports.Rendering;
using ScottPlot;

namespace Nomadic.Reports.Tests.Rendering;

public class ImportanceRendererTests
{
    [Theory]
    [InlineData(900, 560)]
    [InlineData(600, 380)]
    public void Draw_ValueLabels_EndInsideTheDataArea(int width, int height)
    {
        EmbeddedFonts.EnsureRegistered();
        IReadOnlyList<ImportanceBar> bars = ExperimentPlotData.Importance(new Dictionary<string, double>
        {
            ["retriever"] = 0.6571, ["chunking"] = 0.2213, ["top_k"] = 0.0712, ["rerank"] = 0.0504,
        });
        Plot plot = ImportanceRenderer.Draw(bars, "Parameter importance");
        plot.GetImage(width, height).Dispose();
        PixelRect data = plot.RenderManager.LastRender.DataRect;
        var style = ((ScottPlot.Plottables.BarPlot)plot.GetPlottables().Single()).ValueLabelStyle;
        using Paint paint = Paint.NewDisposablePaint();

        for (int i = 0; i < bars.Count; i++)
        {
            string label = ParameterValues.Number(Math.Round(bars[i].Importance, 3));
            float end = plot.GetPixel(new Coordinates(bars[i].Importance, bars.Count - 1 - i)).X + 5 + style.Measure(label, paint).Width;
            Assert.True(end <= data.Right, $"'{label}' ends at {end} px, the data area at {data.Right} px");
        }
    }
}
