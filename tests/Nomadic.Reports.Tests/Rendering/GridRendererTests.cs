using Nomadic.Reports.Rendering;
using Nomadic.Reports.Tests.Support;
using ScottPlot;

namespace Nomadic.Reports.Tests.Rendering;

public class GridRendererTests
{
    private static readonly double[,] Matrix = { { 1, 0.5, 0 }, { 0.5, 1, -0.5 }, { 0, -0.5, 1 } };
    private static readonly string[] Names = ["score", "lr", "dropout"];

    [Fact]
    public void Draw_FirstRowOnTop_PutsRowZeroAboveTheLastRow()
    {
        Plot plot = GridRenderer.Draw("m", "", "", Matrix, Names, Names, GridColors.Diverging("correlation"), firstRowOnTop: true);

        (float first, float last) = RowPixels(plot);

        Assert.True(first < last, $"row 0 at y = {first} px, row 2 at y = {last} px (screen y grows downwards)");
    }

    [Fact]
    public void Draw_Default_PutsRowZeroAtTheBottom()
    {
        Plot plot = GridRenderer.Draw("m", "", "", Matrix, Names, Names, GridColors.Diverging("correlation"));

        (float first, float last) = RowPixels(plot);

        Assert.True(first > last, $"row 0 at y = {first} px, row 2 at y = {last} px");
    }

    [Fact]
    public void Draw_LongColumnLabels_SlantedLabelsStayInsideTheImage()
    {
        EmbeddedFonts.EnsureRegistered();
        string[] columns = ["0.009–0.1701", "0.1701–0.3312", "0.3312–0.4923", "0.4923–0.6534", "0.6534–0.8145", "0.8145–0.9756"];
        var values = new double[2, 6];
        values[1, 0] = 0.2;
        Plot plot = GridRenderer.Draw("Mean score by temperature and max_tokens", "temperature", "max_tokens", values, columns, ["16", "64"], GridColors.Sequential("mean score", values));

        using var image = new PixelChecks(plot);

        Assert.Empty(image.InkOnTheEdges());
    }

    private static (float First, float Last) RowPixels(Plot plot)
    {
        plot.GetImage(400, 300).Dispose();
        return (plot.GetPixel(new Coordinates(0, 0)).Y, plot.GetPixel(new Coordinates(0, 2)).Y);
    }
}
