using System.Collections.Concurrent;
using Npgsql;

namespace Nomadic.Testing;

/// <summary>
/// The PostgreSQL server the tests share: the one named by the <c>NOMADIC_TEST_POSTGRES</c> connection string, or else a
/// throwaway <see cref="LocalCluster"/> started for the test run and deleted after it. Each test class works in its own
/// database. Share one instance through an xUnit collection fixture.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string ExternalVariable = "NOMADIC_TEST_POSTGRES";

    private readonly LocalCluster? _cluster;
    private readonly ConcurrentDictionary<string, Lazy<string>> _databases = new(StringComparer.Ordinal);

    /// <summary>Connects to the server <c>NOMADIC_TEST_POSTGRES</c> names, or else starts a local cluster.</summary>
    /// <exception cref="InvalidOperationException">The variable is unset and no PostgreSQL server binaries are installed.</exception>
    public PostgresServer()
    {
        string? external = Environment.GetEnvironmentVariable(ExternalVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = new NpgsqlConnectionStringBuilder(external) { Pooling = false }.ConnectionString;
            return;
        }

        _cluster = LocalCluster.Create();
        AdminConnectionString = $"Host=127.0.0.1;Port={_cluster.Port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Gets a connection string to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Gets the connection string of a database created once per name for this run.</summary>
    /// <param name="name">The name's prefix, in lower case letters, digits and underscores.</param>
    /// <returns>A connection string to the database.</returns>
    public string Database(string name) => _databases.GetOrAdd(name, n => new Lazy<string>(() => CreateDatabase(n))).Value;

    /// <summary>Creates a new, empty database.</summary>
    /// <param name="prefix">The start of the database name, in lower case letters, digits and underscores.</param>
    /// <returns>A connection string to the database.</returns>
    public string CreateDatabase(string prefix)
    {
        string name = $"nomadic_{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        Execute($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Runs a statement in the maintenance database, or in another database when given.</summary>
    /// <param name="sql">The statement.</param>
    /// <param name="connectionString">The database to run it in; the maintenance database when <see langword="null"/>.</param>
    /// <returns>The first column of the first row, or <see langword="null"/>.</returns>
    public object? Execute(string sql, string? connectionString = null)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString ?? AdminConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    /// <summary>Restarts the server (fast shutdown: open sessions are terminated).</summary>
    public void Restart() => Cluster.Restart();

    /// <summary>Stops the server.</summary>
    public void Stop() => Cluster.Stop();

    /// <summary>Starts the stopped server again.</summary>
    public void Start() => Cluster.Start();

    /// <summary>Closes pooled connections and deletes the local cluster, if one was started.</summary>
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        _cluster?.Dispose();
    }

    private LocalCluster Cluster => _cluster
        ?? throw new InvalidOperationException($"Restarting the server needs the local cluster; unset {ExternalVariable} to run this test.");
}
