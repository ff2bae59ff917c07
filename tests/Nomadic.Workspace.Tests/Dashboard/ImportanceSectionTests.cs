using System.Net;
using Nomadic.Results;
using Nomadic.Tuning;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class ImportanceSectionTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public async Task ResultPage_WithEnoughRuns_ShowsImportanceTableAndPlot()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, TenRuns());
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/results/{id}");
        using HttpResponseMessage plot = await browser.GetAsync($"/api/v1/results/{id}/plots/importance.svg");
        string plots = await browser.GetStringAsync($"/api/v1/results/{id}/plots");

        Assert.Contains("<table id=\"importance\">", page);
        Assert.Contains("<td><bdi>optimizer</bdi></td>", page);
        Assert.Contains("<td><bdi>lr</bdi></td>", page);
        Assert.Contains($"src=\"/api/v1/results/{id:D}/plots/importance.svg\"", page);
        Assert.DoesNotContain("importance-note", page);
        Assert.Equal(HttpStatusCode.OK, plot.StatusCode);
        Assert.Equal("image/svg+xml", plot.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await plot.Content.ReadAsStringAsync());
        Assert.Contains("\"importance\"", plots);
    }

    [Fact]
    public async Task ResultPage_WithTooFewRuns_ShowsNoteInstead()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, Samples.Result());
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/results/{id}");
        using HttpResponseMessage plot = await browser.GetAsync($"/api/v1/results/{id}/plots/importance.svg");

        Assert.Contains("<p id=\"importance-note\">Too little data for parameter importance", page);
        Assert.DoesNotContain("<table id=\"importance\">", page);
        Assert.DoesNotContain("importance.svg", page);
        Assert.Equal(HttpStatusCode.NotFound, plot.StatusCode);
    }

    [Fact]
    public async Task ResultPage_ConditionalParameter_SaysInHowManyRunsItExistsAndHowItIsWeighted()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, TenRunsWithMomentumForSgd());
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/results/{id}");

        Assert.Contains("<td><bdi>momentum</bdi> (in 5 of 10 runs)</td>", page);
        Assert.Contains("<td><bdi>optimizer</bdi></td>", page);
        Assert.Contains("<p id=\"importance-rule\">A parameter that exists in only some runs has its importance estimated from those runs and weighted", page);
    }

    [Fact]
    public async Task ResultPage_EveryParameterInEveryRun_ShowsNoRunCountsOrRule()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, TenRuns());
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/results/{id}");

        Assert.Contains("<table id=\"importance\">", page);
        Assert.DoesNotContain(" runs)</td>", page);
        Assert.DoesNotContain("importance-rule", page);
    }

    public void Dispose() => _factory.Dispose();

    private static ExperimentResult TenRuns() => new(
        Samples.Space(),
        [.. Enumerable.Range(0, 10).Select(i => Samples.Run(i, (i % 2 == 0 ? 0.2 : 0.6) + (0.01 * i), i % 2 == 0 ? "sgd" : "adam"))],
        "ten");

    // momentum exists only in the five sgd runs.
    private static ExperimentResult TenRunsWithMomentumForSgd()
    {
        SearchSpace space = Samples.Space();
        space["momentum"] = Tune.Uniform(0, 1).When("optimizer", "sgd");
        return new(space, [.. TenRuns().RunResults.Select(WithMomentum)], "momentum");
    }

    private static RunResult WithMomentum(RunResult run)
    {
        if (!Equals(run.Params["optimizer"], "sgd"))
        {
            return run;
        }

        var parameters = new Dictionary<string, object?>(run.Params) { ["momentum"] = 0.1 * run.TrialNumber };
        return new RunResult(run.Score - (0.05 * run.TrialNumber), parameters) { TrialNumber = run.TrialNumber, Duration = run.Duration };
    }
}
