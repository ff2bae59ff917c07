using Nomadic.Reports.Rendering;
using ScottPlot;

namespace Nomadic.Reports;

/// <summary>
/// A plot ready to be rendered as PNG or SVG. Rendering draws it afresh each time, so an image can be rendered at
/// several sizes and from several threads.
/// </summary>
public sealed class PlotImage
{
    private readonly Func<Plot> _draw;

    internal PlotImage(string name, string title, Func<Plot> draw, int width = DefaultWidth, int height = DefaultHeight)
    {
        Name = name;
        Title = title;
        _draw = draw;
        Width = width;
        Height = height;
    }

    /// <summary>The default width in pixels.</summary>
    public const int DefaultWidth = 900;

    /// <summary>The default height in pixels.</summary>
    public const int DefaultHeight = 560;

    /// <summary>Gets a short name usable as a file name, e.g. <c>history</c> or <c>params-lr</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the plot's title.</summary>
    public string Title { get; }

    /// <summary>Gets the width in pixels.</summary>
    /// <value>The default value is <see cref="DefaultWidth"/>.</value>
    public int Width { get; }

    /// <summary>Gets the height in pixels.</summary>
    /// <value>The default value is <see cref="DefaultHeight"/>.</value>
    public int Height { get; }

    /// <summary>Returns the same plot at another size.</summary>
    /// <param name="width">The width in pixels, at least 100.</param>
    /// <param name="height">The height in pixels, at least 100.</param>
    /// <returns>The resized image.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 100 or above 10,000.</exception>
    public PlotImage WithSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 10_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 10_000);
        return new PlotImage(Name, Title, _draw, width, height);
    }

    /// <summary>Renders the plot as a PNG image.</summary>
    /// <returns>The PNG file's bytes.</returns>
    public byte[] Png()
    {
        using Plot plot = _draw();
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Renders the plot as an SVG document.</summary>
    /// <returns>The SVG text (text stays text, in DejaVu Sans).</returns>
    public string Svg()
    {
        using Plot plot = _draw();
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Renders the plot to a file, as SVG when the path ends in <c>.svg</c> and PNG when it ends in <c>.png</c>.</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <exception cref="ArgumentException">The path ends in neither <c>.png</c> nor <c>.svg</c>.</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".png":
                File.WriteAllBytes(path, Png());
                break;
            case ".svg":
                File.WriteAllText(path, Svg());
                break;
            default:
                throw new ArgumentException($"Cannot tell the image format of '{path}': use a .png or .svg file name.", nameof(path));
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"PlotImage({Name}, \"{Title}\", {Width}x{Height})";

    internal static PlotImage Of(string name, string title, Func<Plot> draw) => new(name, title, () =>
    {
        EmbeddedFonts.EnsureRegistered();
        return draw();
    });
}
