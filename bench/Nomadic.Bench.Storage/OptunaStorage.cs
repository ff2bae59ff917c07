using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>The rival's numbers: runs <c>bench/optuna_storage.py</c> (or reads its JSON) and parses the result.</summary>
internal static class OptunaStorage
{
    /// <summary>Runs the script with its files in <paramref name="tempDirectory"/>, echoing its output; returns the JSON text.</summary>
    public static async Task<string?> RunAsync(StorageBenchOptions options, string tempDirectory, PostgresServer? postgres, TextWriter log)
    {
        if (!File.Exists(options.OptunaScript))
        {
            log.WriteLine($"Optuna script not found: {options.OptunaScript} (use --optuna-script, --optuna-json or --no-optuna).");
            return null;
        }

        string output = Path.Combine(tempDirectory, "optuna_storage.json");
        var start = new ProcessStartInfo(options.Python)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tempDirectory,
        };
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            options.OptunaScript, "--out", output, "--sqlite-dir", tempDirectory,
            "--n-sqlite", I(options.OptunaSqliteN), "--n-postgres", I(options.OptunaPostgresN),
            "--sqlite-processes", string.Join(',', options.SqliteProcesses.Select(I)),
            "--postgres-processes", string.Join(',', options.PostgresProcesses.Select(I)),
            "--repeats", I(options.Repeats),
        ];
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (postgres is not null)
        {
            start.ArgumentList.Add("--postgres-admin-url");
            start.ArgumentList.Add(postgres.Url("postgres"));
            if (postgres.PostmasterPid is int pid)
            {
                start.ArgumentList.Add("--postmaster-pid");
                start.ArgumentList.Add(I(pid));
            }
        }

        if (options.Quick)
        {
            start.ArgumentList.Add("--no-discard");
        }

        if (options.WaitQuietSeconds > 0)
        {
            start.ArgumentList.Add("--wait-quiet");
            start.ArgumentList.Add(options.WaitQuietSeconds.ToString(CultureInfo.InvariantCulture));
        }

        return await PythonScript.RunAsync(start, output, "are optuna and psycopg2 installed? (apt-get install -y python3-optuna python3-psycopg2)", log).ConfigureAwait(false);
    }

    public static JsonNode? ParseText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The result rows; they have the same fields as ours (<see cref="StorageRow.ToJson"/>).</summary>
    public static List<RowView> Rows(JsonNode root) =>
        [.. (root["results"]?.AsArray() ?? []).OfType<JsonNode>().Select(n => new RowView(n))];
}
