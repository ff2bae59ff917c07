using System.Globalization;
using Nomadic.Storage;

namespace Nomadic.Bench;

/// <summary>
/// Where the measurements write: a new SQLite file or a new PostgreSQL database for every measurement, so each starts
/// empty; and the places the processes warm up in, apart from the measured ones.
/// </summary>
internal sealed class Stores(string tempDirectory, PostgresServer? postgres)
{
    private const string WarmUpDatabase = "nomadic_bench_warmup";
    private bool _warmUpDatabaseCreated;
    private int _warmUps;

    public PostgresServer? Postgres => postgres;

    /// <summary>A new, empty location for <paramref name="label"/> (letters, digits and underscores).</summary>
    public string Fresh(Engine engine, string label)
    {
        if (engine == Engine.Sqlite)
        {
            string path = SqlitePath(label);
            Engines.DeleteSqlite(path);
            return path;
        }

        Server.CreateDatabase(DatabaseName(label));
        return Server.ConnectionString(DatabaseName(label));
    }

    public void Remove(Engine engine, string label)
    {
        if (engine == Engine.Sqlite)
        {
            Engines.DeleteSqlite(SqlitePath(label));
        }
        else
        {
            Server.DropDatabase(DatabaseName(label));
        }
    }

    /// <summary>A location for a warm-up: a SQLite file of its own (the warm-up deletes it), or the shared warm-up database.</summary>
    public string WarmUp(Engine engine)
    {
        int id = Interlocked.Increment(ref _warmUps);
        if (engine == Engine.Sqlite)
        {
            return Path.Combine(tempDirectory, string.Create(CultureInfo.InvariantCulture, $"warmup-{Environment.ProcessId}-{id}.db"));
        }

        if (!_warmUpDatabaseCreated)
        {
            Server.CreateDatabase(WarmUpDatabase);
            _warmUpDatabaseCreated = true;
        }

        return Server.ConnectionString(WarmUpDatabase);
    }

    /// <summary>The experiment as stored after a measurement, read through a new storage.</summary>
    public static StoredExperiment? Find(Engine engine, string location, string name)
    {
        using IExperimentStorage storage = Engines.Open(engine, location);
        return storage.FindExperiment(name);
    }

    public void DropWarmUp()
    {
        if (_warmUpDatabaseCreated)
        {
            Server.DropDatabase(WarmUpDatabase);
            _warmUpDatabaseCreated = false;
        }
    }

    private PostgresServer Server => postgres ?? throw new InvalidOperationException("No PostgreSQL server.");

    private static string DatabaseName(string label) => "nomadic_bench_" + label;

    private string SqlitePath(string label) => Path.Combine(tempDirectory, $"nomadic-{label}.db");
}
