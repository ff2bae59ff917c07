using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Nomadic.Workspace;
using Nomadic.Workspace.Keys;

namespace Nomadic.Bench;

/// <summary>
/// Times the pages a person opens over a full storage: the dashboard's list, the API's list and one experiment's page,
/// each requested in turn over HTTP to the real server on a loopback port, after two requests to warm it up; the first
/// of them, timed apart, is the cold request that reads and derives everything.
/// </summary>
internal static class PagesRun
{
    public static async Task<JsonObject> RunAsync(Backend backend, long experimentId, int experiments, int runs, int requests, TextWriter log)
    {
        NewApiKey key = ApiKeys.Create(backend.Store, "pages", TimeProvider.System);
        backend.Store.SetMayAdopt(key.Workspace.Id, true);
        await using WebApplication app = WorkspaceServer.Create(new WorkspaceServerOptions { Storage = backend.Storage, Store = backend.Store }, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single() + "/");
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true }) { BaseAddress = address };
        using (var login = new HttpRequestMessage(HttpMethod.Post, "login") { Content = new FormUrlEncodedContent([new("key", key.Key)]) })
        {
            login.Headers.Add("Origin", address.GetLeftPart(UriPartial.Authority));
            (await http.SendAsync(login)).EnsureSuccessStatusCode();
        }

        var pages = new JsonObject
        {
            ["list_page"] = await TimeAsync(http, "", null, requests),
            ["api_list"] = await TimeAsync(http, "api/v1/experiments", key.Key, requests),
            ["experiment_page"] = await TimeAsync(http, $"experiments/{experimentId}", null, requests),
        };
        await app.StopAsync();
        var row = new JsonObject { ["backend"] = backend.Name, ["experiments"] = experiments, ["runs_per_experiment"] = runs, ["requests_each"] = requests, ["pages"] = pages };
        log.WriteLine(row.ToJsonString());
        return row;
    }

    private static async Task<JsonObject> TimeAsync(HttpClient http, string path, string? apiKey, int requests)
    {
        var times = new List<double>();
        double first = 0;
        long bytes = 0;
        for (int i = -2; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (apiKey is not null)
            {
                request.Headers.Add("X-Api-Key", apiKey);
            }

            long start = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = await http.SendAsync(request);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
            if (i == -2)
            {
                first = ms;
            }

            if (i >= 0)
            {
                times.Add(ms);
            }
        }

        double[] sorted = [.. times.Order()];
        return new JsonObject { ["path"] = "/" + path, ["first_ms"] = first, ["p50_ms"] = Percentile(sorted, 0.5), ["p95_ms"] = Percentile(sorted, 0.95), ["max_ms"] = sorted[^1], ["bytes"] = bytes };
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
