using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nomadic.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from the installed server binaries: initdb into a temporary directory, pg_ctl start on
/// a free port on 127.0.0.1, trust authentication for user postgres; stopped and deleted on dispose. As root it runs the
/// binaries as the postgres OS user, since initdb refuses root. The tests and the benchmarks share it.
/// </summary>
public sealed class LocalCluster : IDisposable
{
    private const string BinariesMissing = "PostgreSQL server binaries not found: apt-get install postgresql";

    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly string _log;
    private readonly bool _asPostgresUser;

    private readonly bool _durable;

    private LocalCluster(string bin, bool durable)
    {
        _bin = bin;
        _durable = durable;
        _asPostgresUser = Environment.UserName == "root";

        // The postgres user must reach the directory, which a root-only TMPDIR would not allow.
        _root = Path.Combine(_asPostgresUser ? "/tmp" : Path.GetTempPath(), $"nomadic-pg-{Guid.NewGuid():N}");
        _data = Path.Combine(_root, "data");
        _log = Path.Combine(_root, "postgres.log");
        Port = FreePort();
    }

    /// <summary>Gets the port the server listens on at 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets the folder of the server binaries used.</summary>
    public string Binaries => _bin;

    /// <summary>Gets the cluster's data directory.</summary>
    public string DataDirectory => _data;

    /// <summary>
    /// Gets the server options given to pg_ctl: the port, the address and the socket folder, and for a cluster that is not
    /// durable, no fsync, no full-page writes and 200 connections.
    /// </summary>
    public string ServerOptions => $"-p {Port} -c listen_addresses=127.0.0.1 -k {_root}" + (_durable ? "" : " -c fsync=off -c full_page_writes=off -c max_connections=200");

    /// <summary>Creates and starts a cluster.</summary>
    /// <returns>The running cluster; dispose it to stop and delete it.</returns>
    /// <exception cref="InvalidOperationException">No server binaries are installed, or initdb or pg_ctl failed.</exception>
    /// <param name="durable">
    /// Keeps the server's default durability and memory settings (for measurements); otherwise fsync and full-page writes
    /// are off, which the tests do not need and which would only slow them.
    /// </param>
    public static LocalCluster Create(bool durable = false)
    {
        string bin = FindBinaries() ?? throw new InvalidOperationException(BinariesMissing);
        var cluster = new LocalCluster(bin, durable);
        try
        {
            Directory.CreateDirectory(cluster._root);
            if (cluster._asPostgresUser)
            {
                Run("chown", "postgres:postgres", cluster._root);
            }

            cluster.PgTool("initdb", "-D", cluster._data, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
            cluster.Start();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Starts the stopped server.</summary>
    public void Start() => PgTool("pg_ctl", "-D", _data, "-l", _log, "-w", "-t", "60", "-o", ServerOptions, "start");

    /// <summary>Stops the server (fast shutdown).</summary>
    public void Stop() => PgTool("pg_ctl", "-D", _data, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Restarts the server (fast shutdown: open sessions are terminated).</summary>
    public void Restart() => PgTool("pg_ctl", "-D", _data, "-l", _log, "-m", "fast", "-w", "-t", "60", "-o", ServerOptions, "restart");

    /// <summary>Stops the server if it runs and deletes the cluster's folder.</summary>
    public void Dispose()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            try
            {
                PgTool("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
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
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
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
        try
        {
            if (_asPostgresUser)
            {
                Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
            }
            else
            {
                Run(path, arguments);
            }
        }
        catch (InvalidOperationException e) when (File.Exists(_log))
        {
            throw new InvalidOperationException($"{e.Message} Server log: {string.Join(" | ", File.ReadLines(_log).TakeLast(5))}", e);
        }
    }
}
