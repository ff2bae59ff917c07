using System.Text.Json;
using System.Text.Json.Nodes;
using Nomadic.Bench;
using Nomadic.Testing;

// The Workspace under load on this machine: the real server on a loopback port, many clients posting runs at once.
// The server's per-request log lines would cost more than the requests themselves: warnings only.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
if (args.Contains("--pages"))
{
    return await PagesProgram.RunAsync(args);
}

string root = Directory.GetCurrentDirectory();
string outPath = Option("--out") ?? Path.Combine(root, "bench", "results", "workspace.json");
var settings = new LoadSettings(
    int.Parse(Option("--clients") ?? "50", System.Globalization.CultureInfo.InvariantCulture),
    int.Parse(Option("--runs") ?? "200", System.Globalization.CultureInfo.InvariantCulture),
    int.Parse(Option("--batch") ?? "10", System.Globalization.CultureInfo.InvariantCulture),
    ResendEvery: 4);
bool postgres = !args.Contains("--no-postgres");

var document = new JsonObject
{
    ["machine"] = Machine.Describe(root),
    ["load_before"] = Machine.LoadSnapshot("before"),
    ["settings"] = new JsonObject
    {
        ["clients"] = settings.Clients,
        ["runs_per_client"] = settings.RunsPerClient,
        ["batch_size"] = settings.BatchSize,
        ["resent_batches_per_client"] = settings.ResentBatches,
        ["server"] = "Kestrel on 127.0.0.1, a free port; clients in the same process over one SocketsHttpHandler",
        ["client_retries"] = "WorkspaceClient defaults (4 attempts) from a 100 ms base delay",
    },
};
var rows = new JsonArray();
string folder = Path.Combine(Path.GetTempPath(), $"nomadic-workspace-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
try
{
    using (Backend sqlite = Backend.Sqlite(Path.Combine(folder, "nomadic.db")))
    {
        rows.Add(await LoadRun.RunAsync(sqlite, settings, Console.Out));
    }

    if (postgres)
    {
        using var server = new PostgresServer();
        using Backend pg = Backend.Postgres(server.CreateDatabase("workspace_bench"));
        rows.Add(await LoadRun.RunAsync(pg, settings, Console.Out));
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

document["runs"] = rows;
document["load_after"] = Machine.LoadSnapshot("after");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
await File.WriteAllTextAsync(outPath, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
string markdown = WorkspaceReport.Markdown(document);
await File.WriteAllTextAsync(Path.ChangeExtension(outPath, ".md"), markdown);
Console.WriteLine(markdown);
return rows.All(r => (bool)r!["verified"]!) ? 0 : 1;

string? Option(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
