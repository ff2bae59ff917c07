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

        // The list metadata reads as JSON, never as a .NET type name, and the cut value opens to the whole.
        await ListMetadataTable.AssertReadableAsync(page, "#runs", () => page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("report-screenshot-llm-opened.png"), FullPage = true }));

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
