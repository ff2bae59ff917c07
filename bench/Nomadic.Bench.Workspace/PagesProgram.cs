using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nomadic.Testing;

namespace Nomadic.Bench;

/// <summary>
/// <c>--pages</c>: fills SQLite and PostgreSQL with <c>--experiments</c> × <c>--runs-each</c> finished runs, then times
/// the list and experiment pages; writes <c>bench/results/workspace-pages.json</c> and its Markdown table.
/// </summary>
internal static class PagesProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        string root = Directory.GetCurrentDirectory();
        string outPath = Option(args, "--out") ?? Path.Combine(root, "bench", "results", "workspace-pages.json");
        int experiments = int.Parse(Option(args, "--experiments") ?? "100", CultureInfo.InvariantCulture);
        int runs = int.Parse(Option(args, "--runs-each") ?? "10000", CultureInfo.InvariantCulture);
        int requests = int.Parse(Option(args, "--requests") ?? "20", CultureInfo.InvariantCulture);
        var document = new JsonObject { ["machine"] = Machine.Describe(root), ["load_before"] = Machine.LoadSnapshot("before") };
        var rows = new JsonArray();
        string folder = Directory.CreateTempSubdirectory("nomadic-pages-bench-").FullName;
        try
        {
            string path = Path.Combine(folder, "nomadic.db");
            using (Backend sqlite = Backend.Sqlite(path))
            {
                List<long> ids = PagesFill.Experiments(sqlite.Storage, experiments);
                PagesFill.Sqlite(path, ids, runs);
                rows.Add(await PagesRun.RunAsync(sqlite, ids[ids.Count / 2], experiments, runs, requests, Console.Out));
            }

            if (!args.Contains("--no-postgres"))
            {
                using var server = new PostgresServer();
                string database = server.CreateDatabase("pages_bench");
                using Backend pg = Backend.Postgres(database);
                List<long> ids = PagesFill.Experiments(pg.Storage, experiments);
                PagesFill.Postgres(database, ids, runs);
                rows.Add(await PagesRun.RunAsync(pg, ids[ids.Count / 2], experiments, runs, requests, Console.Out));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        document["rows"] = rows;
        document["load_after"] = Machine.LoadSnapshot("after");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.WriteAllTextAsync(outPath, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        string markdown = Markdown(document);
        await File.WriteAllTextAsync(Path.ChangeExtension(outPath, ".md"), markdown);
        Console.WriteLine(markdown);
        return 0;
    }

    private static string Markdown(JsonObject document)
    {
        var text = new StringBuilder();
        JsonNode machine = document["machine"]!;
        text.AppendLine("# Workspace pages over a full storage").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{machine["date_utc"]}, {machine["cores"]} cores ({machine["cpu_model"]}), {machine["dotnet"]}; load average before: {document["load_before"]?["loadavg_1_5_15"]?.ToJsonString()}, after: {document["load_after"]?["loadavg_1_5_15"]?.ToJsonString()}. The machine is shared: other work may have been running.").AppendLine();
        text.AppendLine("| backend | experiments × runs | page | first (cold) ms | p50 ms | p95 ms | max ms | bytes |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (JsonNode? row in document["rows"]!.AsArray())
        {
            foreach ((string _, JsonNode? page) in row!["pages"]!.AsObject())
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {row["backend"]} | {row["experiments"]} × {(int)row["runs_per_experiment"]!:N0} | `{page!["path"]}` | {(double)page["first_ms"]!:F1} | {(double)page["p50_ms"]!:F1} | {(double)page["p95_ms"]!:F1} | {(double)page["max_ms"]!:F1} | {(long)page["bytes"]!:N0} |");
            }
        }

        return text.ToString();
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
