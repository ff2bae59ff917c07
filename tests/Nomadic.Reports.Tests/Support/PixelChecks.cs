using ScottPlot;
using SkiaSharp;

namespace Nomadic.Reports.Tests.Support;

/// <summary>Renders a plot and reads its pixels: where the data area lies, what colour a region has, whether anything touches the image's edge.</summary>
internal sealed class PixelChecks : IDisposable
{
    private readonly SKBitmap _bitmap;

    public PixelChecks(Plot plot, int width = 900, int height = 560)
    {
        Plot = plot;
        _bitmap = SKBitmap.Decode(plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    public Plot Plot { get; }

    public PixelRect DataRect => Plot.RenderManager.LastRender.DataRect;

    public Pixel PixelOf(double x, double y) => Plot.GetPixel(new Coordinates(x, y));

    /// <summary>The share of the pixels in a rectangle (left, right, top, bottom in pixels) within 8 of a colour on each channel.</summary>
    public double ShareOf(SKColor colour, float left, float right, float top, float bottom)
    {
        int matching = 0, all = 0;
        for (int x = (int)Math.Ceiling(left); x <= (int)Math.Floor(right); x++)
        {
            for (int y = (int)Math.Ceiling(top); y <= (int)Math.Floor(bottom); y++)
            {
                SKColor pixel = _bitmap.GetPixel(x, y);
                all++;
                matching += Math.Abs(pixel.Red - colour.Red) <= 8 && Math.Abs(pixel.Green - colour.Green) <= 8 && Math.Abs(pixel.Blue - colour.Blue) <= 8 ? 1 : 0;
            }
        }

        return all == 0 ? 0 : (double)matching / all;
    }

    /// <summary>The pixels within <paramref name="depth"/> of the image's edges that are not the white background.</summary>
    public IReadOnlyList<(int X, int Y)> InkOnTheEdges(int depth = 2)
    {
        var ink = new List<(int X, int Y)>();
        for (int x = 0; x < _bitmap.Width; x++)
        {
            for (int y = 0; y < _bitmap.Height; y++)
            {
                bool edge = x < depth || y < depth || x >= _bitmap.Width - depth || y >= _bitmap.Height - depth;
                SKColor pixel = _bitmap.GetPixel(x, y);
                if (edge && (pixel.Red < 200 || pixel.Green < 200 || pixel.Blue < 200))
                {
                    ink.Add((x, y));
                }
            }
        }

        return ink;
    }

    public void Dispose() => _bitmap.Dispose();
}
