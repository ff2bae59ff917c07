using Nomadic.Reports.Data;
using Nomadic.Reports.Rendering;
using Nomadic.Reports.Tests.Support;
using Nomadic.Results;
using Nomadic.Tuning;
using SkiaSharp;

namespace Nomadic.Reports.Tests.Rendering;

public class ParameterScoresRendererTests
{
    [Theory]
    [InlineData("rag", "chunking")]
    [InlineData("rag", "retriever")]
    [InlineData("llm", "prompt_variant")]
    public void Draw_Categorical_NothingCoversAnyBox(string example, string parameter)
    {
        ExperimentResult result = example == "rag" ? RagResults.Load() : PromptVariants();
        ParameterScoresData data = ExperimentPlotData.ParameterScores(result, parameter);
        using var image = new PixelChecks(ParameterScoresRenderer.Draw(data, "Score by " + parameter));

        for (int i = 0; i < data.Categories.Count; i++)
        {
            BoxSummary box = data.Categories[i].Box!.Value;
            ScottPlot.Pixel topLeft = image.PixelOf(i - 0.3, box.Q3), bottomRight = image.PixelOf(i + 0.3, box.Q1);
            float median = image.PixelOf(i, box.Median).Y;
            ScottPlot.Color colour = ChartPalette.Category(i);
            var fill = new SKColor(colour.R, colour.G, colour.B);
            // The box's inside, without its outline and its median line.
            (float Top, float Bottom)[] parts = [.. new[] { (topLeft.Y + 4, median - 4), (median + 4, bottomRight.Y - 4) }.Where(p => p.Item2 - p.Item1 >= 3)];
            double share = parts.Length == 0 ? 1 : parts.Average(p => image.ShareOf(fill, topLeft.X + 4, bottomRight.X - 4, p.Top, p.Bottom));

            Assert.True(share > 0.9, $"box '{data.Categories[i].Label}': only {share:P0} of it shows its colour");
        }
    }

    [Fact]
    public void Draw_Categorical_AxisNamesEachCategoryWithItsRunCount()
    {
        ParameterScoresData data = ExperimentPlotData.ParameterScores(RagResults.Load(), "chunking");

        ScottPlot.Plot plot = ParameterScoresRenderer.Draw(data, "Score by chunking");
        plot.GetImage(900, 560).Dispose();

        string[] ticks = [.. plot.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label)];
        Assert.Equal(data.Categories.Select(c => $"{c.Label} (n={c.Scores.Count})"), ticks);
        Assert.Equal(["baseline"], plot.Legend.GetItems().Select(i => i.LabelText));
    }

    [Fact]
    public void Draw_CategoriesWithOutliers_DrawsThemBeyondTheWhiskers()
    {
        ParameterScoresData data = ExperimentPlotData.ParameterScores(RagResults.Load(), "chunk_size");

        ScottPlot.Plot plot = ParameterScoresRenderer.Draw(data, "Score by chunk_size");

        // Under 80, 0.7174; under 200, the baseline's 0.7415 (its diamond drawn over it).
        (double, double)[] outliers = [.. plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>()
            .SelectMany(s => s.Data.GetScatterPoints()).Select(p => (p.X, Math.Round(p.Y, 4))).Order()];
        Assert.Equal([(1.0, 0.7174), (2.0, 0.7415)], outliers);
    }

    // Like examples/llm: three prompts, one of them far behind, the best one with the highest scores.
    private static ExperimentResult PromptVariants()
    {
        string[] prompts = ["closed_book", "grounded", "quote"];
        double[] centres = [0.0, 0.13, 0.19];
        var random = new Random(5);
        var runs = Enumerable.Range(0, 20).Select(i =>
        {
            int p = i % 3;
            double score = p == 0 ? 0 : centres[p] + ((random.NextDouble() - 0.5) * 0.15);
            return new RunResult(score, new Dictionary<string, object?> { ["prompt_variant"] = prompts[p] }).WithTrialInfo(i, DateTimeOffset.UnixEpoch, TimeSpan.Zero, isBaseline: i == 1);
        });
        return new ExperimentResult(new SearchSpace { ["prompt_variant"] = Tune.Choice("closed_book", "grounded", "quote") }, runs);
    }
}
