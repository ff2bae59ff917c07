using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Nomadic.Workspace;
using Nomadic.Workspace.Client;
using Nomadic.Workspace.Keys;

namespace Nomadic.Bench;

/// <summary>Starts the real server on a loopback port over a backend, runs the load, and checks what was stored.</summary>
internal static class LoadRun
{
    public static async Task<JsonObject> RunAsync(Backend backend, LoadSettings settings, TextWriter log)
    {
        string key = ApiKeys.Create(backend.Store, "load", TimeProvider.System).Key;
        await using WebApplication app = WorkspaceServer.Create(new WorkspaceServerOptions { Storage = backend.Storage, Store = backend.Store }, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single() + "/");
        using var timing = new TimingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients });
        using var http = new HttpClient(timing) { BaseAddress = address };
        var options = new WorkspaceClientOptions { BaseDelay = TimeSpan.FromMilliseconds(100) };

        log.WriteLine($"{backend.Name}: {settings.Clients} clients x {settings.RunsPerClient} runs at {address}");
        long start = Stopwatch.GetTimestamp();
        int[] errors = await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(i => Task.Run(async () =>
        {
            using var client = new WorkspaceClient(http, key, options);
            return await LoadClient.RunAsync(client, i, settings);
        })));
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double[] latencies = timing.Milliseconds.Order().ToArray();
        int failed = timing.Failed;

        (int results, long apiRuns, long apiDistinct) = await CountThroughApiAsync(http, key);
        (long dbRows, long dbDistinct) = backend.CountRuns();
        await app.StopAsync();

        int posted = settings.Clients * (settings.Batches + settings.ResentBatches);
        var row = new JsonObject
        {
            ["backend"] = backend.Name,
            ["clients"] = settings.Clients,
            ["runs_per_client"] = settings.RunsPerClient,
            ["batch_size"] = settings.BatchSize,
            ["expected_runs"] = settings.ExpectedRuns,
            ["run_batches_posted"] = posted,
            ["runs_posted"] = posted * settings.BatchSize,
            ["http_requests"] = latencies.Length,
            ["seconds"] = seconds,
            ["runs_per_second"] = posted * settings.BatchSize / seconds,
            ["unique_runs_per_second"] = settings.ExpectedRuns / seconds,
            ["requests_per_second"] = latencies.Length / seconds,
            ["latency_ms"] = new JsonObject { ["p50"] = Percentile(latencies, 0.50), ["p95"] = Percentile(latencies, 0.95), ["p99"] = Percentile(latencies, 0.99), ["max"] = latencies[^1] },
            ["failed_http_answers"] = failed,
            ["failed_calls_after_retries"] = errors.Sum(),
            ["results_via_api"] = results,
            ["runs_via_api"] = apiRuns,
            ["distinct_runs_via_api"] = apiDistinct,
            ["runs_in_database"] = dbRows,
            ["distinct_runs_in_database"] = dbDistinct,
        };
        row["verified"] = results == settings.Clients && apiRuns == settings.ExpectedRuns && apiDistinct == apiRuns && dbRows == settings.ExpectedRuns && dbDistinct == dbRows;
        log.WriteLine(row.ToJsonString());
        return row;
    }

    private static async Task<(int Results, long Runs, long Distinct)> CountThroughApiAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/results");
        request.Headers.Add("X-Api-Key", key);
        using HttpResponseMessage response = await http.SendAsync(request);
        JsonElement[] listed = (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
        long runs = 0, distinct = 0;
        foreach (JsonElement result in listed)
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, $"api/v1/results/{result.GetProperty("id").GetString()}/runs?limit=1000");
            page.Headers.Add("X-Api-Key", key);
            using HttpResponseMessage answer = await http.SendAsync(page);
            JsonElement body = await answer.Content.ReadFromJsonAsync<JsonElement>();
            JsonElement[] items = [.. body.GetProperty("runs").EnumerateArray()];
            runs += body.GetProperty("total").GetInt64();
            distinct += items.Select(r => r.GetProperty("trial_number").GetInt32()).Distinct().Count();
        }

        return (listed.Length, runs, distinct);
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
