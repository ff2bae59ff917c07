using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

public sealed class RequestValidationTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new(maxRequestBodySize: 64 * 1024);

    [Fact]
    public async Task OversizedBody_Is413()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        string big = new('x', 100 * 1024);
        using HttpResponseMessage response = await client.PostAsync("/api/v1/results", Samples.Json($"{{\"name\": \"{big}\"}}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await Samples.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OversizedBody_WithoutLength_Is413()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        using var content = new StreamContent(new MemoryStream(new byte[100 * 1024]));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/results") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/experiments", "{\"name\": ")]
    [InlineData("/api/v1/results", "{not json")]
    public async Task InvalidJson_Is400ProblemDetails(string path, string body)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        using HttpResponseMessage response = await client.PostAsync(path, Samples.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement problem = await Samples.ProblemAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("{\"search_space\": {}}", "\"name\"")]
    [InlineData("{\"name\": \"a\\u0007b\", \"search_space\": {}}", "control characters")]
    [InlineData("{\"name\": \"ok\", \"direction\": \"up\", \"search_space\": {}}", "\"direction\"")]
    [InlineData("{\"name\": \"ok\"}", "\"search_space\"")]
    [InlineData("{\"name\": \"ok\", \"search_space\": {\"lr\": {\"type\": \"warp\"}}}", "\"search_space\"")]
    public async Task InvalidExperiment_Is400NamingTheField(string body, string expected)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        using HttpResponseMessage response = await client.PostAsync("/api/v1/experiments", Samples.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Samples.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("sort=best", "\"sort\"")]
    [InlineData("limit=0", "\"limit\"")]
    [InlineData("offset=-1", "\"offset\"")]
    [InlineData("status=done", "\"status\"")]
    [InlineData("color=red", "\"color\"")]
    public async Task InvalidRunQuery_Is400NamingTheParameter(string query, string expected)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());
        using HttpResponseMessage response = await client.GetAsync($"/api/v1/results/{id}/runs?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Samples.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PathTraversalName_IsKeptAsData()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        const string name = "../../etc/passwd";
        string[] before = Directory.GetFileSystemEntries(Path.GetDirectoryName(_factory.DatabasePath)!);

        long id = await Samples.CreateExperimentAsync(client, name);
        JsonElement experiment = await client.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{id}");
        using HttpResponseMessage export = await client.GetAsync($"/api/v1/experiments/{id}/export.csv");

        Assert.Equal(name, experiment.GetProperty("name").GetString());
        Assert.Equal("runs.csv", export.Content.Headers.ContentDisposition?.FileName);
        Assert.NotNull(_factory.Storage.FindExperiment(name));
        Assert.Equal(before, Directory.GetFileSystemEntries(Path.GetDirectoryName(_factory.DatabasePath)!));
    }

    [Theory]
    [InlineData("POST", "/api/v1/experiments", """{"name": "x\ud800y"}""", "$.name")]
    [InlineData("POST", "/api/v1/experiments", """{"name": "ok", "search_space": {"lr": {"type": "choice", "values": ["\udc00"]}}}""", "$.search_space.lr.values[0]")]
    [InlineData("POST", "/api/v1/experiments", """{"name": "ok", "settings": {"\ud800": 1}}""", "A property name in $.settings")]
    [InlineData("PATCH", "/api/v1/experiments/{experiment}", """{"name": "x\ud800y"}""", "$.name")]
    [InlineData("POST", "/api/v1/results", """{"name": "x\ud800y", "run_results": []}""", "$.name")]
    [InlineData("POST", "/api/v1/results", """{"run_results": [], "metadata": {"note": "a\udfffb"}}""", "$.metadata.note")]
    [InlineData("PUT", "/api/v1/results/{result}", """{"name": "x\ud800", "run_results": []}""", "$.name")]
    [InlineData("POST", "/api/v1/results/{result}/runs", """[{"trial_number": 9, "score": 1, "params": {"optimizer": "\ud800"}}]""", "$[0].params.optimizer")]
    [InlineData("POST", "/api/v1/results/{result}/runs", """{"run_results": [{"trial_number": 9, "score": 1, "metadata": {"my key": "\ud800\ud800"}}]}""", "$.run_results[0].metadata[\"my key\"]")]
    public async Task UnpairedSurrogate_Is400NamingWhereItIs(string method, string path, string body, string where)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        long experiment = await Samples.CreateExperimentAsync(client, "kept");
        Guid result = await Samples.UploadAsync(client, Samples.Result("kept"));
        string url = path.Replace("{experiment}", experiment.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{result}", result.ToString("D"), StringComparison.Ordinal);

        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Samples.Json(body) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string detail = (await Samples.ProblemAsync(response)).GetProperty("detail").GetString()!;
        Assert.StartsWith(where, detail, StringComparison.Ordinal);
        Assert.Contains("unpaired surrogate", detail, StringComparison.Ordinal);
        Assert.Equal("kept", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{experiment}")).GetProperty("name").GetString());
        Assert.Equal(5, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/results/{result:D}/runs")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SurrogatePair_InAName_IsText()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        using HttpResponseMessage response = await client.PostAsync("/api/v1/experiments", Samples.Json($$"""{"name": "rocket \ud83d\ude80", "search_space": {{Samples.Space().ToJson()}}}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(_factory.Storage.FindExperiment("rocket \U0001F680"));
    }

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u200F")]
    [InlineData("\u2066")]
    [InlineData("\u061C")]
    public async Task BidiControlInAName_Is400OnEveryEndpointThatTakesOne(string control)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        long experiment = await Samples.CreateExperimentAsync(client, "kept");
        string name = $"gnp.{control}exe";

        using HttpResponseMessage created = await client.PostAsync("/api/v1/experiments", Samples.NewExperiment(name));
        using HttpResponseMessage renamed = await client.PatchAsync($"/api/v1/experiments/{experiment}", Samples.Json($$"""{"name": {{JsonSerializer.Serialize(name)}}}"""));
        using HttpResponseMessage uploaded = await client.PostAsync("/api/v1/results", Samples.Json(Samples.Result(name).ToJson()));

        foreach (HttpResponseMessage response in new[] { created, renamed, uploaded })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("bidirectional control characters", (await Samples.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Null(_factory.Storage.FindExperiment(name));
        Assert.Equal("kept", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{experiment}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task NonNumericId_IsNotFound()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/experiments/..%2F..%2Fnomadic.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/results/not-a-guid")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
