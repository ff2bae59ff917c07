using System.Net;
using Microsoft.Data.Sqlite;
using Nomadic.Workspace.Dashboard;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class SecurityHeadersMiddlewareTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new(maxRequestBodySize: 4096);

    [Fact]
    public async Task ErrorResponses_CarryTheSecurityHeadersAndNoStore()
    {
        using HttpClient anonymous = _factory.Client(null);
        using HttpClient api = _factory.Client(_factory.KeyA);
        long id = await Samples.CreateExperimentAsync(api, "sweep");

        using HttpResponseMessage badRequest = await api.GetAsync($"/api/v1/experiments/{id}/runs?bogus=1");
        using HttpResponseMessage unauthorized = await anonymous.GetAsync("/api/v1/experiments");
        using HttpResponseMessage missingResult = await api.GetAsync($"/api/v1/results/{Guid.NewGuid()}");
        using HttpResponseMessage missingPage = await anonymous.GetAsync("/no-such-page");
        using HttpResponseMessage tooLarge = await api.PostAsync("/api/v1/results", Samples.Json(new string(' ', 8192)));

        AssertHeaders(HttpStatusCode.BadRequest, badRequest);
        AssertHeaders(HttpStatusCode.Unauthorized, unauthorized);
        AssertHeaders(HttpStatusCode.NotFound, missingResult);
        AssertHeaders(HttpStatusCode.NotFound, missingPage);
        AssertHeaders(HttpStatusCode.RequestEntityTooLarge, tooLarge);
    }

    [Fact]
    public async Task ServerError_CarriesTheSecurityHeadersAndNoStore()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        using (var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE workspace_result_runs; DROP TABLE workspace_results";
            drop.ExecuteNonQuery();
        }

        using HttpResponseMessage failed = await api.GetAsync("/api/v1/results");

        AssertHeaders(HttpStatusCode.InternalServerError, failed);
        Assert.DoesNotContain("SqliteException", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesApiExportsAndPlots_AreNoStore_AssetsAreNot()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, Samples.Result());
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        foreach (string path in new[] { "/", "/login", $"/results/{id}", $"/api/v1/results/{id}/plots/history.svg" })
        {
            using HttpResponseMessage response = await browser.GetAsync(path);
            AssertHeaders(HttpStatusCode.OK, response);
        }

        foreach (string path in new[] { "/api/v1/results", $"/api/v1/results/{id}/export.csv" })
        {
            using HttpResponseMessage response = await api.GetAsync(path);
            AssertHeaders(HttpStatusCode.OK, response);
        }

        using HttpResponseMessage css = await browser.GetAsync("/assets/dashboard.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false);
        Assert.Equal(SecurityHeadersMiddleware.Policy, css.Headers.GetValues("Content-Security-Policy").Single());
    }

    public void Dispose() => _factory.Dispose();

    private static void AssertHeaders(HttpStatusCode status, HttpResponseMessage response)
    {
        string at = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
        Assert.True(status == response.StatusCode, $"{at}: {response.StatusCode}, expected {status}");
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out IEnumerable<string>? csp), $"{at}: no Content-Security-Policy");
        Assert.Equal(SecurityHeadersMiddleware.Policy, csp.Single());
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out IEnumerable<string>? sniff), $"{at}: no X-Content-Type-Options");
        Assert.Equal("nosniff", sniff.Single());
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out IEnumerable<string>? referrer), $"{at}: no Referrer-Policy");
        Assert.Equal("no-referrer", referrer.Single());
        Assert.True(response.Headers.CacheControl?.NoStore, $"{at}: Cache-Control is '{response.Headers.CacheControl}'");
    }
}
