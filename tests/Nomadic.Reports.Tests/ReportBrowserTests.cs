using Microsoft.Playwright;
using Nomadic.Reports.Tests.Support;

namespace Nomadic.Reports.Tests;

/// <summary>Opens a report in Debian's Chromium with the network cut off, as a reader offline would.</summary>
public class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_InChromiumOffline_RendersSortsAndFilters()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        string path = ArtifactFolder.Path("browser-report.html");
        SampleResults.Mixed(withObjectives: true).ToHtmlReport(path, new ReportOptions { Importance = new Dictionary<string, double> { ["lr"] = 0.8, ["layers"] = 0.2 } });

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
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

    private static async Task<double[]> Scores(IPage page)
    {
        string[] keys = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#runs tbody tr')).map(r => r.cells[2].getAttribute('data-sort'))");
        return [.. keys.Where(k => k.Length > 0).Select(k => double.Parse(k, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
