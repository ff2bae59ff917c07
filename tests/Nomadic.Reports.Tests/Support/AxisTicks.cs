using System.Globalization;
using ScottPlot;

namespace Nomadic.Reports.Tests.Support;

/// <summary>Reads the tick labels a person sees on a rendered plot's axis.</summary>
internal static class AxisTicks
{
    /// <summary>Renders the plot at its default report size and returns the labels of the axis' major ticks, left to right or bottom to top.</summary>
    public static IReadOnlyList<string> Labels(Plot plot, Func<Plot, IAxis> axis)
    {
        plot.GetImage(PlotImage.DefaultWidth, PlotImage.DefaultHeight).Dispose();
        return [.. axis(plot).TickGenerator.Ticks.Where(t => t.IsMajor && t.Label.Length > 0).OrderBy(t => t.Position).Select(t => t.Label)];
    }

    /// <summary>Asserts every label is a whole number no smaller than <paramref name="first"/>, and that there are some.</summary>
    public static void AssertWholeNumbersFrom(IReadOnlyList<string> labels, int first)
    {
        Assert.NotEmpty(labels);
        foreach (string label in labels)
        {
            Assert.True(
                int.TryParse(label.Replace('\u2212', '-'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) && number >= first,
                $"tick '{label}' (all: {string.Join(" ", labels)}) is not a whole number from {first} up");
        }
    }
}
