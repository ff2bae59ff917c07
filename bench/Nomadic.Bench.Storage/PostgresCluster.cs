using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Nomadic.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster for the benchmark: initdb into a temporary directory (trust authentication, user
/// postgres), pg_ctl start on a free port on 127.0.0.1 with the server's default settings otherwise; stopped and deleted
/// on dispose. As root the binaries run as the postgres OS user, since initdb refuses root.
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly string _log;
    private readonly bool _asPostgresUser;

    private PostgresCluster(string bin, string root)
    {
        _bin = bin;
        _root = root;
        _data = Path.Combine(root, "data");
        _log = Path.Combine(root, "postgres.log");
        _asPostgresUser = Environment.UserName == "root";
        Port = FreePort();
    }

    public int Port { get; }

    public string Binaries => _bin;

    public string DataDirectory => _data;

    /// <summary>The server options given to pg_ctl; nothing about durability or memory is changed.</summary>
    public string ServerOptions => string.Create(CultureInfo.InvariantCulture, $"-p {Port} -c listen_addresses=127.0.0.1 -k {_root}");

    public static PostgresCluster Start(string root)
    {
        string bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql), or pass --postgres.");
        var cluster = new PostgresCluster(bin, root);
        try
        {
            Directory.CreateDirectory(root);
            if (cluster._asPostgresUser)
            {
                Run("chown", "postgres:postgres", root);
            }

            cluster.PgTool("initdb", "-D", cluster._data, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C");
            cluster.PgTool("pg_ctl", "-D", cluster._data, "-l", cluster._log, "-w", "-t", "60", "-o", cluster.ServerOptions, "start");
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            try
            {
                PgTool("pg_ctl", "-D", _data, "-m", "fast", "-w", "-t", "60", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the directory goes either way.
            }
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out int v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error} {output.Result}");
        }
    }

    private void PgTool(string tool, params string[] arguments)
    {
        string path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }
}
