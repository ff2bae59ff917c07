using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>The Markdown table of the load test.</summary>
internal static class WorkspaceReport
{
    public static string Markdown(JsonObject document)
    {
        var text = new StringBuilder();
        JsonNode machine = document["machine"]!;
        text.AppendLine("# Workspace load test").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{machine["date_utc"]}, {machine["cores"]} cores ({machine["cpu_model"]}), {machine["dotnet"]}; load average before: {document["load_before"]?["loadavg_1_5_15"]?.ToJsonString()}, after: {document["load_after"]?["loadavg_1_5_15"]?.ToJsonString()}. The machine is shared: other work may have been running.").AppendLine();
        text.AppendLine("| backend | clients × runs | requests | seconds | runs/s posted | unique runs/s | p50 ms | p95 ms | p99 ms | max ms | failed answers | failed calls | stored (API / database) | duplicates | verified |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (JsonNode? row in document["runs"]!.AsArray())
        {
            JsonNode r = row!;
            JsonNode l = r["latency_ms"]!;
            long apiRuns = (long)r["runs_via_api"]!;
            long dbRuns = (long)r["runs_in_database"]!;
            long duplicates = apiRuns - (long)r["distinct_runs_via_api"]! + dbRuns - (long)r["distinct_runs_in_database"]!;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r["backend"]} | {r["clients"]} × {r["runs_per_client"]} | {r["http_requests"]} | {F((double)r["seconds"]!)} | {F((double)r["runs_per_second"]!, 0)} | {F((double)r["unique_runs_per_second"]!, 0)} | {F((double)l["p50"]!)} | {F((double)l["p95"]!)} | {F((double)l["p99"]!)} | {F((double)l["max"]!)} | {r["failed_http_answers"]} | {r["failed_calls_after_retries"]} | {apiRuns:N0} / {dbRuns:N0} | {duplicates} | {((bool)r["verified"]! ? "yes" : "**no**")} |");
        }

        return text.ToString();
    }

    private static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
