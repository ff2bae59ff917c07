using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class DashboardPagesTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToLogin()
    {
        using HttpClient browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using HttpResponseMessage response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WithUnknownKey_Is401()
    {
        using HttpClient browser = _factory.CreateClient();
        using HttpResponseMessage response = await browser.PostAsync("/login", new FormUrlEncodedContent([new("key", "nmd_nope")]));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unknown or revoked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_SetsAStrictHttpOnlyCookie_AndEveryPageSendsTheCsp()
    {
        using HttpClient browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using HttpResponseMessage login = await browser.PostAsync("/login", new FormUrlEncodedContent([new("key", _factory.KeyA)]));
        string cookie = login.Headers.GetValues("Set-Cookie").Single();
        using HttpResponseMessage home = await browser.GetAsync("/");

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.StartsWith("default-src 'self'", home.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script>", (await home.Content.ReadAsStringAsync()).Replace("<script src=\"/assets/dashboard.js\" defer></script>", ""));
    }

    [Fact]
    public async Task ResultPage_EscapesUserText()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, HostileResult.Create());
        using HttpClient browser = await SignedInAsync();

        string home = await browser.GetStringAsync("/");
        string page = await browser.GetStringAsync($"/results/{id}");

        Assert.DoesNotContain(HostileResult.Script, page);
        Assert.Contains("&lt;script&gt;window.__owned = 1&lt;/script&gt;", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain("<img src=x", home);
    }

    [Fact]
    public async Task ResultPage_LlmRuns_ShowListsAndAnswersAsJson()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, LlmResult.Create());
        using HttpClient browser = await SignedInAsync();

        string page = await browser.GetStringAsync($"/results/{id}");

        Assert.DoesNotContain("System.", page, StringComparison.Ordinal);
        Assert.Contains("<td data-sort=\"[1.0,1.0,0.5]\" class=\"json\">[1.0,1.0,0.5]</td>", page, StringComparison.Ordinal);
        Assert.Contains("<details><summary>[{&quot;id&quot;:&quot;q1&quot;,&quot;query&quot;:&quot;What is x?&quot;,&quot;output&quot;:&quot;He said \\&quot;x &lt; 3\\&quot; &amp; left", page, StringComparison.Ordinal);
        Assert.Contains("<bdi>stop</bdi> = <bdi>[&quot;END&quot;,&quot;&lt;/answer&gt;&quot;]</bdi>", page, StringComparison.Ordinal);
        Assert.Contains("<th colspan=\"3\" scope=\"colgroup\">parameters</th>", page, StringComparison.Ordinal);
        Assert.Contains("title=\"Sort by metadata dataset\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_ManyRuns_ShowsTheBestThousandAndLinksToAll()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        int count = Nomadic.Workspace.Dashboard.ResultPage.MaxRows + 5;
        var result = new Nomadic.Results.ExperimentResult(Samples.Space(), [.. Enumerable.Range(0, count).Select(i => Samples.Run(i, i / (double)count, "sgd"))], "large");
        Guid id = await Samples.UploadAsync(api, result);
        using HttpClient browser = await SignedInAsync();

        string page = await browser.GetStringAsync($"/results/{id}");
        string all = await browser.GetStringAsync($"/results/{id}?all=1");

        Assert.Equal(Nomadic.Workspace.Dashboard.ResultPage.MaxRows, Rows(page));
        Assert.Contains($"The best 1,000 of 1,005 finished runs and the baseline, in run order. <a href=\"/results/{id}?all=1\">Show all runs</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/api/v1/results/{id}/export.csv\">download them as CSV</a>", page, StringComparison.Ordinal);
        Assert.Equal(count, Rows(all));
        Assert.DoesNotContain("runs-limit", all, StringComparison.Ordinal);

        static int Rows(string html) => System.Text.RegularExpressions.Regex.Count(html, "<tr[^>]*data-status=");
    }

    [Fact]
    public async Task Cookie_OpensReadsButNotChanges()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, Samples.Result());
        using HttpClient browser = await SignedInAsync();

        using HttpResponseMessage plot = await browser.GetAsync($"/api/v1/results/{id}/plots/history.svg");
        using HttpResponseMessage delete = await browser.DeleteAsync($"/api/v1/results/{id}");

        Assert.Equal(HttpStatusCode.OK, plot.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> SignedInAsync()
    {
        HttpClient browser = _factory.CreateClient();
        using HttpResponseMessage login = await browser.PostAsync("/login", new FormUrlEncodedContent([new("key", _factory.KeyA)]));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return browser;
    }
}
