using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;
using Nomadic.Tuning;
using Nomadic.Workspace.Tests.Support;
using Nomadic.Testing;

namespace Nomadic.Workspace.Tests.Dashboard;

/// <summary>Drives Debian's Chromium through the dashboard of a real server on a loopback port.</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Dashboard_InChromium_ListsOpensSortsShowsPlotsAndCompares()
    {
        await using LiveWorkspace workspace = await LiveWorkspace.StartAsync();
        string url = workspace.Url;
        string key = workspace.Key;
        (long experimentId, Guid hostileId) = await SeedAsync(url, key, workspace.DatabasePath);

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        await using IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var offsite = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(url, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            offsite.Add(route.Request.Url);
            await route.AbortAsync();
        });
        IPage page = await context.NewPageAsync();

        // The test assemblies run side by side; on a loaded machine the browser needs more than the default 30 s.
        page.SetDefaultTimeout(120_000);
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) { violations.Add(message.Text); } };

        await page.GotoAsync(url + "/");
        Assert.EndsWith("/login", page.Url);
        await page.FillAsync("input[name=key]", key);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForURLAsync(url + "/");
        Assert.Equal(1, await page.Locator("#experiments tbody tr").CountAsync());

        await page.ClickAsync("#experiments a");
        await page.WaitForURLAsync($"{url}/experiments/{experimentId}");
        Assert.Contains("live", await page.TitleAsync());
        Assert.Equal(8, await page.Locator("#runs tbody tr").CountAsync());

        ILocator scoreHeader = page.Locator("#runs thead th", new PageLocatorOptions { HasTextString = "score" }).First;
        await scoreHeader.ClickAsync();
        await scoreHeader.ClickAsync();
        double[] descending = await ScoresAsync(page);
        Assert.Equal(descending.OrderDescending().ToArray(), descending);
        await page.SelectOptionAsync("#run-status", "completed");
        Assert.Equal("8 of 8 runs", await page.InnerTextAsync("#runs-shown"));

        await page.Locator(".plots img").First.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.plots img'); return i && i.complete && i.naturalWidth > 0; }");
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("workspace-dashboard.png"), FullPage = true });
        Assert.True(png.Length > 30_000, $"The screenshot has {png.Length} bytes: the page looks blank.");

        Assert.Equal(2, await page.Locator("#importance tbody tr").CountAsync());
        await page.Locator(".importance img").ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.importance img'); return i && i.complete && i.naturalWidth > 0; }");

        await page.GotoAsync($"{url}/results/{hostileId}");
        Assert.Contains(HostileResult.Script, await page.InnerTextAsync("#runs"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__owned === undefined"));

        await page.GotoAsync(url + "/");
        Assert.True(await page.IsDisabledAsync("#compare"));
        await page.CheckAsync($"input.pick[value='{experimentId}']");
        await page.CheckAsync($"input.pick[value='{hostileId:D}']");
        await page.ClickAsync("#compare");
        await page.WaitForURLAsync($"{url}/compare?a={experimentId}&b={hostileId:D}");
        Assert.Contains("live", await page.InnerTextAsync("#compare-a"));
        await page.WaitForFunctionAsync("() => { const i = document.querySelectorAll('#histories img'); return i.length === 2 && Array.from(i).every(x => x.complete && x.naturalWidth > 0); }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("workspace-compare.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__owned === undefined"));
        Assert.Empty(offsite);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task ListPage_InChromium_ExperimentTheCommandLineWrote_IsListedAfterSignInAndOpens()
    {
        await using LiveWorkspace workspace = await LiveWorkspace.StartAsync();
        string url = workspace.Url;
        Assert.True(workspace.Store.SetMayAdopt(workspace.Store.FindWorkspace("team")!.Id, true));
        var experiment = new Experiment(Samples.Space(), p => Convert.ToDouble(p["lr"], CultureInfo.InvariantCulture), new ExperimentOptions
        {
            Name = "rag",
            Storage = workspace.Storage,
            NumSamples = 8,
            Seed = 3,
        });
        await experiment.RunAsync();
        long id = workspace.Storage.FindExperiment("rag")!.Id;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var busy = new Dictionary<string, object?> { ["optimizer"] = "adam", ["lr"] = 0.0042 };
        Assert.Equal(ClaimStatus.Claimed, workspace.Storage.TryClaim(new ClaimRequest(id, "busy", busy, false, "w1", now, now.AddHours(1), null)).Status);

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(120_000);
        await workspace.SignInAsync(page);

        ILocator row = page.Locator("#experiments tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("written by the command line", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"{url}/experiments/{id}");
        Assert.Equal("rag", await page.InnerTextAsync("main h1"));
        Assert.Equal(9, await page.Locator("#runs tbody tr").CountAsync());
        Assert.Equal("8 of 8 finished runs, 1 of 1 running", await page.InnerTextAsync("#runs-shown"));
        await page.SelectOptionAsync("#run-status", "completed");
        Assert.Equal("8 of 8 finished runs, 0 of 1 running", await page.InnerTextAsync("#runs-shown"));
        await page.Locator(".plots img").First.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.plots img'); return i && i.complete && i.naturalWidth > 0; }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("workspace-cli-experiment.png"), FullPage = true });
    }

    [Fact]
    public async Task ResultPage_InChromium_ParameterValueWithRightToLeftOverride_DoesNotReorderTheTextAfterIt()
    {
        await using LiveWorkspace workspace = await LiveWorkspace.StartAsync();
        string url = workspace.Url;
        string key = workspace.Key;
        Guid id;
        using (HttpClient http = workspace.Client())
        {
            id = await Samples.UploadAsync(http, OverrideResult());
        }

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await workspace.SignInAsync(page);
        await page.GotoAsync($"{url}/results/{id:D}");

        // Where "lr" and its value are drawn: an override that leaked out of "ad\u202Eam" would draw them right to left.
        double[] left = await page.EvaluateAsync<double[]>("""
            () => ['lr', '0.002'].map(needle => {
              const walker = document.createTreeWalker(document.getElementById('best'), NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(needle);
                if (at >= 0) { const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + needle.length); return range.getBoundingClientRect().left; }
              }
              return -1;
            })
            """);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("workspace-bidi.png") });

        Assert.True(left[0] >= 0 && left[1] >= 0, "The best run's parameters are not on the page.");
        Assert.True(left[0] < left[1], $"\"lr\" is drawn at x={left[0]}, right of its value at x={left[1]}: the override reordered the page.");
        Assert.DoesNotContain('\u202E', await page.TitleAsync());
    }

    [Fact]
    public async Task ResultPage_InChromium_LlmRuns_ShowAnswersAsJsonAndOpenTheWholeValue()
    {
        await using LiveWorkspace workspace = await LiveWorkspace.StartAsync();
        string url = workspace.Url;
        string key = workspace.Key;
        Guid id;
        using (HttpClient http = workspace.Client())
        {
            id = await Samples.UploadAsync(http, LlmResult.Create());
        }

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(120_000);
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) { violations.Add(message.Text); } };
        await workspace.SignInAsync(page);
        await page.GotoAsync($"{url}/results/{id:D}");
        ILocator firstRow = page.Locator("#runs tbody tr").First;
        ILocator scores = firstRow.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "item_scores"));
        ILocator outputs = firstRow.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "example_outputs"));

        Assert.Equal("[1.0,0.0,0.5]", await scores.InnerTextAsync());
        Assert.Equal("qa", await firstRow.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "parameter", "dataset")).InnerTextAsync());
        Assert.Equal("qa.jsonl", await firstRow.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "dataset")).InnerTextAsync());
        string shortened = await outputs.InnerTextAsync();
        Assert.StartsWith("[{\"id\":\"q1\",\"query\":\"What is x?\",\"output\":\"He said \\\"x < 3\\\" & left — naïve café, Zürich", shortened, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", shortened, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("stop = [\"END\",\"</answer>\"]", await page.InnerTextAsync("#best"), StringComparison.Ordinal);

        await outputs.Locator("summary").ClickAsync();
        string whole = await outputs.Locator(".whole").InnerTextAsync();
        Assert.Equal(LlmResult.Answer, JsonDocument.Parse(whole).RootElement[0].GetProperty("output").GetString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("workspace-llm-runs.png"), FullPage = true });

        // The group row above the column names leaves sorting to the names.
        ILocator model = page.Locator("#runs thead tr:last-child th", new PageLocatorOptions { HasTextString = "model" });
        await model.ClickAsync();
        Assert.Equal("ascending", await model.GetAttributeAsync("aria-sort"));
        Assert.Equal("large", await page.Locator("#runs tbody tr").First.Locator("td").Nth(3).InnerTextAsync());
        Assert.Empty(violations);
    }

    [Fact]
    public async Task ResultPage_InChromium_AllPlots_LoadInTheirSectionsAfterScrolling()
    {
        await using LiveWorkspace workspace = await LiveWorkspace.StartAsync();
        string url = workspace.Url;
        string key = workspace.Key;
        Guid id;
        int plots;
        using (HttpClient http = workspace.Client())
        {
            id = await Samples.UploadAsync(http, PlotResult.Create());
            plots = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/results/{id:D}/plots")).GetArrayLength();
        }

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(120_000);
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) { violations.Add(message.Text); } };
        await workspace.SignInAsync(page);
        await page.GotoAsync($"{url}/results/{id:D}");

        ILocator images = page.Locator("main img");
        Assert.Equal(plots, await images.CountAsync());
        for (int i = 0; i < plots; i++)
        {
            await images.Nth(i).ScrollIntoViewIfNeededAsync();
        }

        await page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('main img')).every(i => i.complete && i.naturalWidth > 0)");
        string[] headings = [.. await page.Locator("section.plot-family h2").AllInnerTextsAsync()];
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactFolder.Path("workspace-all-plots.png"), FullPage = true });

        Assert.Equal(["History and distribution", "Per parameter", "Slices", "Heatmaps and contours", "Parallel coordinates", "Parameter importance", "Pareto front"], headings);
        Assert.True(png.Length > 100_000, $"The screenshot has {png.Length} bytes: the plots look blank.");
        string? json = await page.Locator("#downloads a", new PageLocatorOptions { HasTextString = "JSON" }).GetAttributeAsync("href");
        Assert.Equal($"/api/v1/results/{id:D}/export.json", json);
        IAPIResponse export = await page.Context.APIRequest.GetAsync(url + json);
        Assert.Equal(200, export.Status);
        Assert.Equal(16, ExperimentResult.FromJson(await export.TextAsync()).Count);
        Assert.Empty(violations);
    }

    // A result whose best run's optimizer holds a right-to-left override.
    private static ExperimentResult OverrideResult()
    {
        var space = new SearchSpace { ["optimizer"] = Tune.Choice("ad\u202Eam", "sgd"), ["lr"] = Tune.LogUniform(1e-4, 1e-1) };
        RunResult Run(int number, double score, string optimizer) =>
            new(score, new Dictionary<string, object?> { ["optimizer"] = optimizer, ["lr"] = 0.001 * (number + 1) }) { TrialNumber = number };
        return new ExperimentResult(space, [Run(0, 0.5, "sgd"), Run(1, 0.9, "ad\u202Eam")], "override");
    }

    private static async Task<(long ExperimentId, Guid HostileId)> SeedAsync(string url, string key, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        long id = await Samples.CreateExperimentAsync(http, "live");
        using (var storage = new SqliteExperimentStorage(path))
        {
            var experiment = new Experiment(Samples.Space(), p => (p["optimizer"] as string == "adam" ? 0.5 : 0.2) + Convert.ToDouble(p["lr"], CultureInfo.InvariantCulture), new ExperimentOptions
            {
                Name = "live",
                Storage = storage,
                NumSamples = 8,
                Seed = 5,
            });
            await experiment.RunAsync();
        }

        using HttpResponseMessage uploaded = await http.PostAsync("/api/v1/results", Samples.Json(HostileResult.Create().ToJson()));
        Guid hostile = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, hostile);
    }

    private static async Task<double[]> ScoresAsync(IPage page)
    {
        string[] keys = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#runs tbody tr')).map(r => r.cells[2].getAttribute('data-sort'))");
        return [.. keys.Where(k => k.Length > 0).Select(k => double.Parse(k, CultureInfo.InvariantCulture))];
    }
}
