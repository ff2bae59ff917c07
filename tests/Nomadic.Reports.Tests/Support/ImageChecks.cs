using System.Buffers.Binary;
using System.Xml.Linq;

namespace Nomadic.Reports.Tests.Support;

/// <summary>Checks that rendered images are real: a PNG's signature and dimensions, an SVG's XML and its text.</summary>
internal static class ImageChecks
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts the bytes are a PNG of the given size and returns them.</summary>
    public static void AssertPng(byte[] png, int width, int height)
    {
        Assert.True(png.Length > 5_000, $"A {png.Length}-byte PNG is too small to hold a plot.");
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>Parses an SVG and returns the text of all its text elements, in document order.</summary>
    public static IReadOnlyList<string> SvgTexts(string svg)
    {
        XDocument document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        return [.. document.Descendants(ns + "text").Select(t => t.Value.Trim())];
    }
}
