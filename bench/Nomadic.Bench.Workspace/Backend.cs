using Microsoft.Data.Sqlite;
using Nomadic.Storage;
using Nomadic.Storage.Postgres;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Store;
using Npgsql;

namespace Nomadic.Bench;

/// <summary>The storage the server runs on, and a count of the stored runs read straight from its database.</summary>
internal sealed class Backend(string name, IExperimentStorage storage, IWorkspaceStore store, Func<(long Rows, long Distinct)> countRuns) : IDisposable
{
    private const string CountSql = "SELECT count(*), count(DISTINCT result_id || ':' || trial_number) FROM ";

    public string Name => name;

    public IExperimentStorage Storage => storage;

    public IWorkspaceStore Store => store;

    public (long Rows, long Distinct) CountRuns() => countRuns();

    public static Backend Sqlite(string path) => new("SQLite", new SqliteExperimentStorage(path), new SqliteWorkspaceStore(path), () =>
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = CountSql + "workspace_result_runs";
        using SqliteDataReader reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    });

    public static Backend Postgres(string connectionString) => new("PostgreSQL", new PostgresExperimentStorage(connectionString), new PostgresWorkspaceStore(connectionString), () =>
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(CountSql + "nomadic.workspace_result_runs", connection);
        using NpgsqlDataReader reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    });

    public void Dispose()
    {
        store.Dispose();
        storage.Dispose();
    }
}
