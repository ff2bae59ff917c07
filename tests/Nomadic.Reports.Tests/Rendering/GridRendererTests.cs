using Nomadic.Reports.Rendering;
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

    private static (float First, float Last) RowPixels(Plot plot)
    {
        plot.GetImage(400, 300).Dispose();
        return (plot.GetPixel(new Coordinates(0, 0)).Y, plot.GetPixel(new Coordinates(0, 2)).Y);
    }
}
