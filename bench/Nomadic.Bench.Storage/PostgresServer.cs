using System.Text.Json.Nodes;
using Npgsql;
using Nomadic.Testing;

namespace Nomadic.Bench;

/// <summary>
/// The PostgreSQL server both sides write to: a throwaway cluster started here, or a server given with
/// <c>--postgres</c>. Creates and drops the benchmark's databases (one fresh database per measurement).
/// </summary>
internal sealed class PostgresServer : IDisposable
{
    private readonly NpgsqlConnectionStringBuilder _admin;
    private readonly LocalCluster? _cluster;
    private readonly NpgsqlDataSource _adminSource;

    private PostgresServer(NpgsqlConnectionStringBuilder admin, LocalCluster? cluster)
    {
        _admin = admin;
        _cluster = cluster;
        _adminSource = NpgsqlDataSource.Create(admin.ConnectionString);
    }

    /// <summary>Starts a throwaway cluster with the server's default durability and memory settings.</summary>
    public static PostgresServer StartLocal()
    {
        LocalCluster cluster = LocalCluster.Create(durable: true);
        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = cluster.Port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        };
        return new PostgresServer(admin, cluster);
    }

    /// <summary>Uses an existing server; the connection string (keywords or a postgresql:// URL) must be allowed to create databases.</summary>
    public static PostgresServer Connect(string connectionString)
    {
        NpgsqlConnectionStringBuilder admin = ParseConnectionString(connectionString);
        admin.Pooling = false;
        return new PostgresServer(admin, null);
    }

    /// <summary>Gets the server's process id when it is our throwaway cluster.</summary>
    public int? PostmasterPid => CpuAccounting.PostmasterPid(_cluster?.DataDirectory);

    /// <summary>The Npgsql connection string of a database on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>A postgresql:// URL of a database on this server (for Optuna's SQLAlchemy).</summary>
    public string Url(string database)
    {
        string user = Uri.EscapeDataString(_admin.Username ?? "postgres");
        string password = _admin.Password is { Length: > 0 } p ? ":" + Uri.EscapeDataString(p) : "";
        return $"postgresql://{user}{password}@{_admin.Host}:{_admin.Port}/{Uri.EscapeDataString(database)}";
    }

    public void CreateDatabase(string name)
    {
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        Execute($"CREATE DATABASE {name}");
    }

    public void DropDatabase(string name) => Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    /// <summary>The server's version and the settings that decide the cost of a commit.</summary>
    public JsonObject Describe()
    {
        var json = new JsonObject
        {
            ["server"] = _cluster is null ? "given with --postgres" : $"throwaway cluster from {_cluster.Binaries}, started with: pg_ctl -o \"{_cluster.ServerOptions}\" (all other settings default)",
            ["host"] = $"{_admin.Host}:{_admin.Port}",
        };
        foreach (string setting in new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "shared_buffers", "max_connections", "default_transaction_isolation" })
        {
            json[setting] = Scalar($"SHOW {setting}");
        }

        return json;
    }

    public void Dispose()
    {
        _adminSource.Dispose();
        _cluster?.Dispose();
    }

    private static NpgsqlConnectionStringBuilder ParseConnectionString(string text)
    {
        if (!text.StartsWith("postgres://", StringComparison.Ordinal) && !text.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(text);
        }

        var uri = new Uri(text);
        string[] userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
        };
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder;
    }

    private void Execute(string sql)
    {
        using NpgsqlCommand command = _adminSource.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    private string? Scalar(string sql)
    {
        using NpgsqlCommand command = _adminSource.CreateCommand(sql);
        return command.ExecuteScalar()?.ToString();
    }
}
