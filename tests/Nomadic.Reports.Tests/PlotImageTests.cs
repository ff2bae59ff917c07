using Nomadic.Reports.Tests.Support;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Reports.Tests;

[Collection(ConsoleBoundTests.Name)]
public class PlotImageTests
{
    [Fact]
    public void Svg_EveryPlot_PrintsNothingToTheConsole()
    {
        var importances = new Dictionary<string, double> { ["lr"] = 0.6, ["optimizer"] = 0.3 };
        PlotImage[] plots = [.. SampleResults.Mixed(withObjectives: true).PlotAll(importances), .. RagResults.Load().PlotAll()];

        string[] noisy = [.. plots.Select(p => (p.Name, Printed: ConsoleCapture.Of(() => ImageChecks.SvgTexts(p.Svg()))))
            .Where(p => p.Printed.Length > 0)
            .Select(p => $"{p.Name}: {p.Printed}")];

        Assert.Empty(noisy);
    }

    [Fact]
    public void ConsoleCapture_NativeWrite_IsCaught()
    {
        string printed = ConsoleCapture.Of(() =>
        {
            using var error = new StreamWriter(Console.OpenStandardError());
            error.Write("native");
        });

        Assert.Contains("native", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_Title_IsDrawnAsTextInTheEmbeddedFont()
    {
        string svg = SampleResults.Mixed().PlotHistory().Svg();

        IReadOnlyList<string> texts = ImageChecks.SvgTexts(svg);
        Assert.Contains("Optimization history", texts);
        Assert.Contains("font-family=\"DejaVu Sans\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_WithTitle_DiffersFromTheSamePlotWithoutTitle()
    {
        var runs = new[] { new RunResult(0.5, new Dictionary<string, object?> { ["x"] = 0.1 }), new RunResult(0.7, new Dictionary<string, object?> { ["x"] = 0.4 }) };
        var result = new ExperimentResult(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, runs);
        PlotImage titled = result.PlotHistory();
        PlotImage untitled = PlotImage.Of("history", "", () =>
        {
            ScottPlot.Plot plot = Nomadic.Reports.Rendering.HistoryRenderer.Draw(Nomadic.Reports.Data.ExperimentPlotData.History(result), "Optimization history");
            plot.Title("");
            return plot;
        });

        Assert.NotEqual(titled.Png(), untitled.Png());
    }

    [Fact]
    public void WithSize_RendersAtTheNewSize()
    {
        PlotImage plot = SampleResults.Mixed().PlotScoreDistribution().WithSize(400, 300);

        ImageChecks.AssertPng(plot.Png(), 400, 300);
        Assert.Contains("width=\"400\"", plot.Svg(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithSize_TooSmall_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleResults.Mixed().PlotHistory().WithSize(10, 300));
    }

    [Theory]
    [InlineData("plot.png")]
    [InlineData("plot.svg")]
    public void Save_ByExtension_WritesThatFormat(string name)
    {
        string path = ArtifactFolder.Path("save-" + name);

        SampleResults.Mixed().PlotHistory().Save(path);

        byte[] bytes = File.ReadAllBytes(path);
        if (name.EndsWith(".png", StringComparison.Ordinal))
        {
            ImageChecks.AssertPng(bytes, PlotImage.DefaultWidth, PlotImage.DefaultHeight);
        }
        else
        {
            Assert.Contains("Optimization history", ImageChecks.SvgTexts(File.ReadAllText(path)));
        }
    }

    [Fact]
    public void Save_UnknownExtension_Throws()
    {
        Assert.Throws<ArgumentException>(() => SampleResults.Mixed().PlotHistory().Save(ArtifactFolder.Path("plot.gif")));
    }
}
