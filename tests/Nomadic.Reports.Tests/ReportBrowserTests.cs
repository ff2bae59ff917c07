using Microsoft.Playwright;
using Nomadic.Reports.Tests.Support;
using Nomadic.Testing;

namespace Nomadic.Reports.Tests;

/// <summary>Opens a report in Debian's Chromium with the network cut off, as a reader offline would.</summary>
public class ReportBrowserTests
{
    [Fact]
    public async Task Report_InChromiumOffline_RendersSortsAndFilters()
    {
        string path = ArtifactFolder.Path("browser-report.html");
        SampleResults.Mixed(withObjectives: true).ToHtmlReport(path, new ReportOptions { Importance = new Dictionary<string, double> { ["lr"] = 0.8, ["layers"] = 0.2 } });

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        await using IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions { Offline = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var requested = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal) || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            requested.Add(route.Request.Url);
            await route.AbortAsync();
        });
        IPage page = await context.NewPageAsync();

        // The test assemblies run side by side; on a loaded machine the browser needs more than the default 30 s.
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(new Uri(path).AbsoluteUri);

        string screenshot = ArtifactFolder.Path("report-screenshot.png");
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(png.Length > 50_000, $"The screenshot has {png.Length} bytes: the page looks blank.");
        Assert.Empty(requested);
        Assert.Equal("Experiment report: mixed", await page.TitleAsync());
        Assert.True(await page.EvaluateAsync<bool>("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"));

        // Sort by score: ascending, then descending on a second click.
        ILocator scoreHeader = page.Locator("#runs thead th", new PageLocatorOptions { HasTextString = "score" }).First;
        await scoreHeader.ClickAsync();
        double[] ascending = await Scores(page);
        Assert.Equal(ascending.Order().ToArray(), ascending);
        await scoreHeader.ClickAsync();
        double[] descending = await Scores(page);
        Assert.Equal(descending.OrderDescending().ToArray(), descending);

        // Filter: only the runs whose row mentions the text stay visible.
        await page.FillAsync("#run-filter", "rmsprop");
        int visible = await page.Locator("#runs tbody tr:visible").CountAsync();
        int total = await page.Locator("#runs tbody tr").CountAsync();
        Assert.InRange(visible, 1, total - 1);
        Assert.All(await page.Locator("#runs tbody tr:visible").AllInnerTextsAsync(), t => Assert.Contains("rmsprop", t, StringComparison.Ordinal));
        Assert.Equal($"{visible} of {total} runs", await page.InnerTextAsync("#runs-shown"));
    }

    [Fact]
    public async Task Report_LlmResultInChromium_ShowsAnswersAsJsonAndOpensTheWholeValue()
    {
        string path = ArtifactFolder.Path("browser-report-llm.html");
        LlmResults.Create().ToHtmlReport(path, new ReportOptions { IncludePlots = false });

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        ILocator firstRow = page.Locator("#runs tbody tr").First;
        ILocator scores = firstRow.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "item_scores"));
        ILocator outputs = firstRow.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "example_outputs"));

        Assert.Equal("[1.0,0.5,0.0]", await scores.InnerTextAsync());
        string shortened = await outputs.InnerTextAsync();
        Assert.StartsWith("[{\"id\":\"q1\",\"query\":\"What is x?\",\"output\":\"He said \\\"x < 3\\\" & left — naïve café", shortened, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", shortened, StringComparison.Ordinal);
        Assert.DoesNotContain("Paris", shortened, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", await page.InnerTextAsync("#runs"), StringComparison.Ordinal);
        Assert.Equal(["run", "parameters", "", "metadata"], await page.Locator("#runs thead tr.groups th").AllInnerTextsAsync());

        await outputs.Locator("summary").ClickAsync();
        string whole = await outputs.Locator(".whole").InnerTextAsync();
        Assert.Equal(LlmResults.Answer, System.Text.Json.JsonDocument.Parse(whole).RootElement[0].GetProperty("output").GetString());
        Assert.Contains("\"output\":\"Paris\"", whole, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("report-llm-screenshot.png"), FullPage = true });

        // Sorting still works with the group row above the column names.
        ILocator temperature = page.Locator("#runs thead tr:last-child th", new PageLocatorOptions { HasTextString = "temperature" });
        await temperature.ClickAsync();
        await temperature.ClickAsync();
        Assert.Equal("descending", await temperature.GetAttributeAsync("aria-sort"));
        Assert.Equal("3", await page.Locator("#runs tbody tr").First.Locator("td").First.InnerTextAsync());
    }

    private static async Task<double[]> Scores(IPage page)
    {
        string[] keys = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#runs tbody tr')).map(r => r.cells[2].getAttribute('data-sort'))");
        return [.. keys.Where(k => k.Length > 0).Select(k => double.Parse(k, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
