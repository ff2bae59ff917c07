using Nomadic.Storage;
using Nomadic.Storage.Postgres;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Bench;

/// <summary>The database engine behind a storage.</summary>
internal enum Engine
{
    /// <summary>One SQLite file: <see cref="SqliteExperimentStorage"/>, Optuna's <c>sqlite:///</c> URL.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: <see cref="PostgresExperimentStorage"/>, Optuna's <c>postgresql://</c> URL.</summary>
    Postgres,
}

/// <summary>Opens the library's storage for an engine and a location (a file path or a connection string).</summary>
internal static class Engines
{
    public static string Name(Engine engine) => engine == Engine.Sqlite ? "sqlite" : "postgres";

    public static Engine Parse(string name) => name switch
    {
        "sqlite" => Engine.Sqlite,
        "postgres" => Engine.Postgres,
        _ => throw new ArgumentException($"Unknown engine '{name}' (sqlite or postgres)."),
    };

    /// <summary>The storage with its default settings, as an application would open it.</summary>
    public static IExperimentStorage Open(Engine engine, string location) => engine == Engine.Sqlite
        ? new SqliteExperimentStorage(location)
        : new PostgresExperimentStorage(location);

    /// <summary>The version of the SQLite library the storage runs on (the one bundled with Microsoft.Data.Sqlite).</summary>
    public static string? SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using Microsoft.Data.Sqlite.SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return command.ExecuteScalar() as string;
    }

    /// <summary>Deletes a SQLite file with its write-ahead log and shared-memory index.</summary>
    public static void DeleteSqlite(string path)
    {
        foreach (string suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
