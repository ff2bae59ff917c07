using Nomadic.Reports.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Reports.Tests;

public class ExperimentPlotsTests
{
    private static readonly ExperimentResult Result = SampleResults.Mixed(withObjectives: true);
    private static readonly Dictionary<string, double> Importances = new() { ["lr"] = 0.6, ["optimizer"] = 0.3, ["dropout"] = 0.1 };

    public static TheoryData<string, string, string, string> Plots => new()
    {
        { "history", "Optimization history", "run", "score (higher is better)" },
        { "score-distribution", "Score distribution", "score", "runs" },
        { "params-optimizer", "Score by optimizer", "optimizer", "score" },
        { "params-lr", "Score by lr", "lr (log scale)", "score" },
        { "params-dropout", "Score by dropout", "dropout", "score" },
        { "slice-layers", "Slice: layers", "layers (colour: run order, dark = early)", "score" },
        { "heatmap-optimizer-lr", "Mean score by optimizer and lr", "optimizer", "lr" },
        { "correlations", "Correlations (Pearson)", "score", "lr" },
        { "parallel-coordinates", "Parallel coordinates", "score", "optimizer" },
        { "contour-layers-dropout", "Score over layers and dropout", "layers", "dropout" },
        { "intermediate-values", "Intermediate values", "step", "intermediate value" },
        { "pareto-front", "Pareto front", "score (higher is better)", "latency_ms (lower is better)" },
        { "importance", "Parameter importance", "importance", "parameter" },
    };

    [Theory]
    [MemberData(nameof(Plots))]
    public void Plot_RendersPngAndSvgWithTitleAndAxisLabels(string name, string title, string xLabel, string yLabel)
    {
        PlotImage plot = Assert.Single(Result.PlotAll(Importances), p => p.Name == name);

        byte[] png = plot.Png();
        string svg = plot.Svg();
        File.WriteAllBytes(ArtifactFolder.Path(name + ".png"), png);
        File.WriteAllText(ArtifactFolder.Path(name + ".svg"), svg);

        ImageChecks.AssertPng(png, PlotImage.DefaultWidth, PlotImage.DefaultHeight);
        IReadOnlyList<string> texts = ImageChecks.SvgTexts(svg);
        Assert.Equal(title, plot.Title);
        Assert.Contains(title, texts);
        Assert.Contains(xLabel, texts);
        Assert.Contains(yLabel, texts);
    }

    [Fact]
    public void PlotParameterScores_Categorical_DrawsOneBoxPerCategoryInItsOwnColour()
    {
        string svg = Result.PlotParameterScores("optimizer").Svg();

        IReadOnlyList<string> texts = ImageChecks.SvgTexts(svg);
        string[] colours = ["#0072B2", "#E69F00", "#009E73"];
        foreach ((string category, string colour) in SampleResults.Optimizers.Zip(colours))
        {
            Assert.Contains(texts, t => t.StartsWith(category + " (n=", StringComparison.Ordinal));
            Assert.Contains($"fill=\"{colour}\"", svg, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void PlotParameterScores_LogDomain_LabelsTicksWithValuesNotLogarithms()
    {
        IReadOnlyList<string> texts = ImageChecks.SvgTexts(Result.PlotParameterScores("lr").Svg());

        Assert.Contains("0.001", texts);
        Assert.Contains("1e-4", texts);
        
    }

    [Fact]
    public void PlotAll_MixedResult_HasDistinctNamesAndEveryKindOfPlot()
    {
        IReadOnlyList<PlotImage> plots = Result.PlotAll(Importances);

        Assert.Equal(plots.Count, plots.Select(p => p.Name).Distinct().Count());
        Assert.Equal(2 + 1 + 4 + 4 + 6 + 1 + 1 + 1 + 1 + 1, plots.Count);
    }

    [Fact]
    public void PlotAll_ConditionalSpace_LeavesOutHeatmapsOfParametersThatNeverMeet()
    {
        string[] names = [.. RagResults.Load().PlotAll().Select(p => p.Name)];

        Assert.DoesNotContain("heatmap-chunk_size-sentence_window", names);
        Assert.DoesNotContain("heatmap-chunk_overlap-sentence_window", names);
        Assert.Contains("heatmap-chunk_size-chunk_overlap", names);
        Assert.Contains("heatmap-chunking-sentence_window", names);
    }

    [Fact]
    public void PlotAll_NoObjectivesNoImportance_LeavesThoseOut()
    {
        IReadOnlyList<PlotImage> plots = SampleResults.Mixed().PlotAll();

        Assert.DoesNotContain(plots, p => p.Name is "pareto-front" or "importance");
    }

    [Fact]
    public void PlotParetoFront_WithoutObjectives_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => SampleResults.Mixed().PlotParetoFront());
    }

    [Fact]
    public void PlotContour_CategoricalParameter_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Result.PlotContour("optimizer", "lr"));
        Assert.Contains("categorical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlotParameterScores_UnknownParameter_NamesTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => Result.PlotParameterScores("momentum"));
        Assert.Contains("optimizer, layers, dropout, lr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlotAll_NoRuns_StillRenders()
    {
        var empty = new ExperimentResult(SampleResults.Mixed().HpSearchSpace, []);

        foreach (PlotImage plot in empty.PlotAll())
        {
            Assert.Contains(plot.Title, ImageChecks.SvgTexts(plot.Svg()));
        }
    }
}
