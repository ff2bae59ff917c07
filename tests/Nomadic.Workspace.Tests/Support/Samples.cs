using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Workspace.Tests.Support;

/// <summary>Search spaces, results and requests the tests share.</summary>
internal static class Samples
{
    public static SearchSpace Space() => new()
    {
        ["optimizer"] = Tune.Choice("sgd", "adam"),
        ["lr"] = Tune.LogUniform(1e-4, 1e-1),
    };

    public static RunResult Run(int number, double score, string optimizer, double seconds = 1, RunStatus status = RunStatus.Completed) =>
        new RunResult(status == RunStatus.Failed ? double.NaN : score, new Dictionary<string, object?> { ["optimizer"] = optimizer, ["lr"] = 0.001 * (number + 1) })
        {
            TrialNumber = number,
            Status = status,
            Error = status == RunStatus.Failed ? "boom" : null,
            Duration = TimeSpan.FromSeconds(seconds),
        };

    public static ExperimentResult Result(string name = "sweep") => new(
        Space(),
        [Run(0, 0.5, "sgd", 3), Run(1, 0.9, "adam", 1), Run(2, 0, "adam", 2, RunStatus.Failed), Run(3, 0.7, "adam", 5), Run(4, 0.6, "sgd", 4)],
        name);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent NewExperiment(string name, string direction = "maximize") =>
        Json($$"""{"name": {{JsonSerializer.Serialize(name)}}, "direction": "{{direction}}", "search_space": {{Space().ToJson()}}}""");

    public static async Task<long> CreateExperimentAsync(HttpClient client, string name)
    {
        using HttpResponseMessage response = await client.PostAsync("/api/v1/experiments", NewExperiment(name));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<Guid> UploadAsync(HttpClient client, ExperimentResult result)
    {
        using HttpResponseMessage response = await client.PostAsync("/api/v1/results", Json(result.ToJson()));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
