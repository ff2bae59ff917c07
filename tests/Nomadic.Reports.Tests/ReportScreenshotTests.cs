using System.Text.Json;
using Microsoft.Playwright;
using Nomadic.Reports.Tests.Support;
using Nomadic.Results;
using Nomadic.Testing;
using Xunit.Abstractions;

namespace Nomadic.Reports.Tests;

/// <summary>
/// Opens the report of an experiment like an <c>llm</c> run in Chromium, takes a full-page screenshot and checks what a
/// reader sees: list metadata as JSON values, the whole of a cut value, and every family of plot, loaded.
/// </summary>
public sealed class ReportScreenshotTests(ITestOutputHelper output)
{
    [Fact]
    public void PlotFamilies_ListEveryPublicPlotMethod()
    {
        Assert.Equal(PlotFamilies.Prefixes.Keys.Order(StringComparer.Ordinal), PlotFamilies.PublicPlotMethods());
    }

    [Fact]
    public async Task Report_LlmLikeExperimentInChromium_ShowsListMetadataAsValuesAndEveryPlotFamily()
    {
        ExperimentResult result = await ListMetadataExperiment.RunAsync("llm screenshots");
        string path = ArtifactFolder.Path("report-screenshot-llm.html");
        result.ToHtmlReport(path);

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        string screenshot = ArtifactFolder.Path("report-screenshot-llm.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");

        // The list metadata reads as JSON, never as a .NET type name.
        ILocator row = page.Locator("#runs tbody tr").First;
        string scores = await row.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "item_scores")).InnerTextAsync();
        Assert.Matches(@"^\[\d(\.\d+)?(,\d(\.\d+)?){3}\]$", scores);
        ILocator outputs = row.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "example_outputs"));
        string shortened = await outputs.InnerTextAsync();
        Assert.StartsWith("[{\"question\":\"What is the capital of France?\",\"answer\":\"The capital", shortened, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", shortened, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", await page.InnerTextAsync("#runs"), StringComparison.Ordinal);
        Assert.Empty(await RunsTablePage.BrokenWordsAsync(page));

        // Runs of well under a millisecond still show that they took time.
        string[] durations = await page.Locator("#runs tbody tr[data-status=completed]").EvaluateAllAsync<string[]>(
            "rows => { const at = Array.from(document.querySelectorAll('#runs thead tr:last-child th')).findIndex(th => th.textContent === 'duration'); return rows.map(r => r.cells[at].innerText); }");
        Assert.NotEmpty(durations);
        Assert.All(durations, d => Assert.Matches(@"^(< 0\.001|\d+(\.\d+)?) s$", d));
        Assert.DoesNotContain("0 s", durations);

        // The cut value opens to the whole, readable inside its cell.
        ILocator whole = outputs.Locator(".whole");
        Assert.False(await whole.IsVisibleAsync());
        await outputs.Locator("summary").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("report-screenshot-llm-opened.png"), FullPage = true });
        Assert.True(await whole.IsVisibleAsync());
        JsonElement answers = JsonDocument.Parse(await whole.InnerTextAsync()).RootElement;
        Assert.Equal(ListMetadataExperiment.LongAnswer, answers[0].GetProperty("answer").GetString());
        Assert.Equal("2 + 2?", answers[1].GetProperty("question").GetString());
        Assert.True(await whole.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The opened value is wider than its cell.");
        Assert.True(await whole.EvaluateAsync<double>("e => e.getBoundingClientRect().width") >= 400, "The opened value is squeezed into a narrow column.");
        Assert.Empty(await RunsTablePage.BrokenWordsAsync(page));

        // Every family of plot is there, as an image that loaded, drawn at a readable size, under its caption.
        foreach ((string method, string prefix) in PlotFamilies.Prefixes)
        {
            ILocator figures = page.Locator($"#plots figure[id^='plot-{prefix}']");
            Assert.True(await figures.CountAsync() > 0, $"The report has no plot of {method} (named {prefix}…).");
            for (int i = 0; i < await figures.CountAsync(); i++)
            {
                ILocator figure = figures.Nth(i);
                ILocator image = figure.Locator("img");
                string caption = await figure.Locator("figcaption").InnerTextAsync();
                Assert.False(string.IsNullOrWhiteSpace(caption), $"A plot of {method} has no caption.");
                Assert.True(await image.IsVisibleAsync(), $"The plot \"{caption}\" is hidden.");
                Assert.True(await image.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), $"The plot \"{caption}\" did not load.");
                LocatorBoundingBoxResult? box = await image.BoundingBoxAsync();
                Assert.True(box is { Width: >= 400, Height: >= 200 }, $"The plot \"{caption}\" is drawn {box?.Width}x{box?.Height}.");
                Assert.Equal(caption, await image.GetAttributeAsync("alt"));
            }
        }
    }
}
