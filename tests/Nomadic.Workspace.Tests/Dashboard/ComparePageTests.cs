using System.Net;
using Nomadic.Results;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class ComparePageTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public async Task Compare_TwoResults_ShowsBothSummariesAndHighlightsTheDifferingParameter()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid a = await Samples.UploadAsync(api, Samples.Result("first"));
        Guid b = await Samples.UploadAsync(api, SgdWins("second"));
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/compare?a={a}&b={b}");

        Assert.Contains("<h1><bdi>first</bdi> vs <bdi>second</bdi></h1>", page);
        Assert.Contains($"<a href=\"/results/{a:D}\"><bdi>first</bdi></a>", page);
        Assert.Contains($"<a href=\"/results/{b:D}\"><bdi>second</bdi></a>", page);
        Assert.Contains("<tr><th>runs</th><td>5</td></tr><tr><th>completed</th><td>4</td></tr>", page);
        Assert.Contains("<tr><th>best score</th><td>0.9</td></tr>", page);
        Assert.Contains("<tr><th>score median [q25, q75]</th><td>0.65 [0.575, 0.75]</td></tr>", page);
        Assert.Contains("<tr class=\"differs\"><td><bdi>optimizer</bdi></td><td><bdi>adam</bdi></td><td><bdi>sgd</bdi></td></tr>", page);
        Assert.Contains("<tr><td><bdi>lr</bdi></td><td><bdi>0.002</bdi></td><td><bdi>0.002</bdi></td></tr>", page);
        Assert.Contains($"src=\"/api/v1/results/{a:D}/plots/history.svg\"", page);
        Assert.Contains($"src=\"/api/v1/results/{b:D}/plots/history.svg\"", page);
    }

    [Fact]
    public async Task Compare_ListParameters_ShowTheirJson()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid a = await Samples.UploadAsync(api, LlmResult.Create("first"));
        Guid b = await Samples.UploadAsync(api, LlmResult.Create("second"));
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/compare?a={a}&b={b}");

        Assert.DoesNotContain("System.", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td><bdi>stop</bdi></td><td><bdi>[&quot;END&quot;,&quot;&lt;/answer&gt;&quot;]</bdi></td><td><bdi>[&quot;END&quot;,&quot;&lt;/answer&gt;&quot;]</bdi></td></tr>", page);
    }

    [Fact]
    public async Task Compare_ExperimentWithResult_ShowsTheExperimentWithoutRuns()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        long experiment = await Samples.CreateExperimentAsync(api, "fresh");
        Guid result = await Samples.UploadAsync(api, Samples.Result("uploaded"));
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string home = await browser.GetStringAsync("/");
        string page = await browser.GetStringAsync($"/compare?a={experiment}&b={result}");

        Assert.Contains($"class=\"pick\" value=\"{experiment}\"", home);
        Assert.Contains($"class=\"pick\" value=\"{result:D}\"", home);
        Assert.Contains("<button type=\"button\" id=\"compare\" disabled>", home);
        Assert.Contains("<h1><bdi>fresh</bdi> vs <bdi>uploaded</bdi></h1>", page);
        Assert.Contains("<bdi>fresh</bdi>: no run has completed yet.", page);
        Assert.Contains("<tr class=\"differs\"><td><bdi>optimizer</bdi></td><td>–</td><td><bdi>adam</bdi></td></tr>", page);
    }

    [Fact]
    public async Task Compare_WithAnotherWorkspacesId_Is404()
    {
        using HttpClient apiA = _factory.Client(_factory.KeyA);
        using HttpClient apiB = _factory.Client(_factory.KeyB);
        Guid mine = await Samples.UploadAsync(apiA, Samples.Result("mine"));
        Guid theirs = await Samples.UploadAsync(apiB, Samples.Result("theirs"));
        long theirExperiment = await Samples.CreateExperimentAsync(apiB, "their-experiment");
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        using HttpResponseMessage result = await browser.GetAsync($"/compare?a={mine}&b={theirs}");
        using HttpResponseMessage experiment = await browser.GetAsync($"/compare?a={theirExperiment}&b={mine}");
        using HttpResponseMessage garbage = await browser.GetAsync($"/compare?a={mine}&b=nonsense");
        using HttpResponseMessage missing = await browser.GetAsync($"/compare?a={mine}");

        Assert.Equal(HttpStatusCode.NotFound, result.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, experiment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("theirs", await result.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Compare_EscapesUserText()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid hostile = await Samples.UploadAsync(api, HostileResult.Create());
        Guid plain = await Samples.UploadAsync(api, Samples.Result());
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string home = await browser.GetStringAsync("/");
        string page = await browser.GetStringAsync($"/compare?a={hostile}&b={plain}");

        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain("<img src=x", home);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page);
        Assert.DoesNotContain("<script>", page.Replace("<script src=\"/assets/dashboard.js\" defer></script>", ""));
    }

    public void Dispose() => _factory.Dispose();

    private static ExperimentResult SgdWins(string name) => new(
        Samples.Space(),
        [Samples.Run(0, 0.5, "adam", 3), Samples.Run(1, 0.9, "sgd", 1), Samples.Run(2, 0, "sgd", 2, RunStatus.Failed), Samples.Run(3, 0.7, "sgd", 5), Samples.Run(4, 0.6, "adam", 4)],
        name);
}
