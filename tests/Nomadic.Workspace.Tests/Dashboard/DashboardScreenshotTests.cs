using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nomadic.Experiments;
using Nomadic.Reports;
using Nomadic.Results;
using Nomadic.Storage.Sqlite;
using Nomadic.Testing;
using Nomadic.Workspace.Tests.Support;
using Xunit.Abstractions;

namespace Nomadic.Workspace.Tests.Dashboard;

/// <summary>
/// Signs in to a real server in Chromium, opens an experiment like an <c>llm</c> run while it runs and after, takes
/// full-page screenshots and checks what a person sees: the running trial, list metadata as JSON values, every family
/// of plot in its section, loaded, and downloads that work.
/// </summary>
public sealed class DashboardScreenshotTests(ITestOutputHelper output)
{
    /// <summary>The section of the experiment page that holds each family of plot, by the method that draws it.</summary>
    private static readonly IReadOnlyDictionary<string, string> Sections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ExperimentPlots.PlotHistory)] = "plots-history",
        [nameof(ExperimentPlots.PlotScoreDistribution)] = "plots-history",
        [nameof(ExperimentPlots.PlotIntermediateValues)] = "plots-history",
        [nameof(ExperimentPlots.PlotParameterScores)] = "plots-parameters",
        [nameof(ExperimentPlots.PlotSlice)] = "plots-slices",
        [nameof(ExperimentPlots.PlotParameterHeatmap)] = "plots-heatmaps",
        [nameof(ExperimentPlots.PlotContour)] = "plots-heatmaps",
        [nameof(ExperimentPlots.PlotCorrelations)] = "plots-heatmaps",
        [nameof(ExperimentPlots.PlotParallelCoordinates)] = "plots-parallel",
        [nameof(ExperimentPlots.PlotImportance)] = "plots-importance",
        [nameof(ExperimentPlots.PlotParetoFront)] = "plots-pareto",
    };

    [Fact]
    public void Sections_PlaceEveryPublicPlotMethod()
    {
        Assert.Equal(PlotFamilies.PublicPlotMethods(), Sections.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(PlotFamilies.PublicPlotMethods(), PlotFamilies.Prefixes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExperimentPage_LlmLikeExperimentInChromium_ShowsRunningTrialListMetadataEveryPlotFamilyAndDownloads()
    {
        await using LiveWorkspace workspace = await LiveWorkspace.StartAsync();
        long id;
        using (HttpClient http = workspace.Client())
        {
            string body = $$"""{"name": "llm screenshots", "direction": "maximize", "search_space": {{ListMetadataExperiment.Space().ToJson()}}, "settings": {"objectives": [{"name": "cost_usd", "direction": "minimize"}] } }""";
            using HttpResponseMessage created = await http.PostAsync("/api/v1/experiments", Samples.Json(body));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }

        // The last run waits until the page has shown it running.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var storage = new SqliteExperimentStorage(workspace.DatabasePath);
        Task<ExperimentResult> run = ListMetadataExperiment.RunAsync("llm screenshots", storage, extraRuns: 1, hold: _ =>
        {
            started.TrySetResult();
            return release.Task;
        });

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(120_000);
        string url = workspace.Url;
        try
        {
            // A run that ends before its last trial starts shows its own failure here.
            await Task.WhenAny(started.Task, run).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(run.IsCompleted, run.IsFaulted ? run.Exception.InnerException?.Message : "The experiment ended before its last run started.");
            await workspace.SignInAsync(page);
            await page.GotoAsync($"{url}/experiments/{id}");
            ILocator running = page.Locator("#runs tbody tr.running");
            Assert.Equal(1, await running.CountAsync());
            Assert.Equal(ListMetadataExperiment.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture), await running.Locator("td").First.InnerTextAsync());
            Assert.Equal("running", await running.Locator("td").Nth(1).InnerTextAsync());
            Assert.Equal("1", await page.Locator("#progress .stat", new PageLocatorOptions { HasTextString = "running" }).Locator("b").InnerTextAsync());
            await Screenshot(page, "dashboard-screenshot-running.png");
        }
        finally
        {
            release.TrySetResult();
        }

        await run;
        await page.GotoAsync($"{url}/experiments/{id}");
        Assert.Equal(0, await page.Locator("#runs tbody tr.running").CountAsync());
        Assert.Equal(ListMetadataExperiment.Runs + 1, await page.Locator("#runs tbody tr").CountAsync());

        // Every plot loads once scrolled to (they load lazily); then the whole page is photographed.
        ILocator images = page.Locator("main img");
        for (int i = 0; i < await images.CountAsync(); i++)
        {
            await images.Nth(i).ScrollIntoViewIfNeededAsync();
        }

        await page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('main img')).every(i => i.complete && i.naturalWidth > 0)");
        await Screenshot(page, "dashboard-screenshot-llm.png");

        await ListMetadataTable.AssertReadableAsync(page, "main");
        await AssertPlotFamiliesAsync(page);
        await AssertDownloadsAsync(page, url);
    }

    private async Task Screenshot(IPage page, string name)
    {
        string path = ArtifactFolder.Path(name);
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
        Assert.True(png.Length > 30_000, $"The screenshot has {png.Length} bytes: the page looks blank.");
    }

    private static async Task AssertPlotFamiliesAsync(IPage page)
    {
        foreach ((string method, string section) in Sections)
        {
            string prefix = PlotFamilies.Prefixes[method];
            ILocator figures = page.Locator($"#{section} figure:has(img[src*='/plots/{prefix}'])");
            Assert.True(await figures.CountAsync() > 0, $"The section {section} has no plot of {method} (named {prefix}…).");
            string heading = await page.Locator($"#{section} h2").InnerTextAsync();
            Assert.False(string.IsNullOrWhiteSpace(heading));
            for (int i = 0; i < await figures.CountAsync(); i++)
            {
                ILocator image = figures.Nth(i).Locator("img");
                string caption = await figures.Nth(i).Locator("figcaption").InnerTextAsync();
                Assert.StartsWith(await image.GetAttributeAsync("alt") ?? "(no alt text)", caption, StringComparison.Ordinal);
                Assert.True(await image.IsVisibleAsync(), $"The plot \"{caption}\" is hidden.");
                Assert.True(await image.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), $"The plot \"{caption}\" did not load.");
                LocatorBoundingBoxResult? box = await image.BoundingBoxAsync();
                Assert.True(box is { Width: >= 300, Height: >= 150 }, $"The plot \"{caption}\" is drawn {box?.Width}x{box?.Height}.");
            }
        }

        Assert.Equal(0, await page.Locator("#plots-other").CountAsync());
    }

    private static async Task AssertDownloadsAsync(IPage page, string url)
    {
        string? csv = await page.Locator("#downloads a", new PageLocatorOptions { HasTextString = "CSV" }).GetAttributeAsync("href");
        string? json = await page.Locator("#downloads a", new PageLocatorOptions { HasTextString = "JSON" }).GetAttributeAsync("href");
        IAPIResponse csvResponse = await page.Context.APIRequest.GetAsync(url + csv);
        IAPIResponse jsonResponse = await page.Context.APIRequest.GetAsync(url + json);
        Assert.Equal(200, csvResponse.Status);
        Assert.Equal(200, jsonResponse.Status);
        string csvText = await csvResponse.TextAsync();
        string header = csvText[..csvText.IndexOf('\n', StringComparison.Ordinal)];
        Assert.Contains("item_scores", header, StringComparison.Ordinal);
        Assert.Contains("example_outputs", header, StringComparison.Ordinal);
        Assert.Contains("\"\"answer\"\"", csvText, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", csvText, StringComparison.Ordinal);
        ExperimentResult exported = ExperimentResult.FromJson(await jsonResponse.TextAsync());
        Assert.Equal(ListMetadataExperiment.Runs + 1, exported.Count);
        IEnumerable<object?> answers = Assert.IsAssignableFrom<IEnumerable<object?>>(exported.RunResults[0].Metadata["example_outputs"]);
        Assert.Equal(ListMetadataExperiment.LongAnswer, Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(answers.First())["answer"]);
    }
}
