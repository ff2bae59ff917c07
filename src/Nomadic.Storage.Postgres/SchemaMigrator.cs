using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>
/// Brings the storage's schema to the version this code knows, once, however many workers start at the same moment:
/// each takes a transaction-level advisory lock, reads the schema version and applies only the missing steps.
/// Statements go one per command: Npgsql sends a multi-statement command as a batch, which in synchronous calls waits on
/// a thread-pool task.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Creates or upgrades the schema.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="schema">The schema name (already validated).</param>
    /// <param name="location">Where the data lives, for messages.</param>
    /// <exception cref="StorageException">The database's schema is newer than this code; nothing is changed then.</exception>
    public static void Migrate(NpgsqlDataSource dataSource, string schema, string location)
    {
        using NpgsqlConnection connection = dataSource.OpenConnection();
        using NpgsqlTransaction transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock(hashtext('nomadic.schema.' || @schema))", new NpgsqlParameter<string>("schema", schema));
        int current = ReadVersion(connection, schema);
        if (current > Migrations.Latest)
        {
            throw new StorageException($"{location}: schema '{schema}' is at version {current}, newer than this Nomadic.Storage.Postgres knows ({Migrations.Latest}); upgrade the package, the database was left unchanged.");
        }

        if (current == Migrations.Latest)
        {
            return;
        }

        if (current == 0)
        {
            Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}");
            Execute(connection, $"CREATE TABLE {schema}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        }

        for (int version = current + 1; version <= Migrations.Latest; version++)
        {
            foreach (string statement in Migrations.Steps[version - 1])
            {
                Execute(connection, statement.Replace("{schema}", schema, StringComparison.Ordinal));
            }

            Execute(connection, $"INSERT INTO {schema}.schema_version (version) VALUES (@version)", new NpgsqlParameter<int>("version", version));
        }

        transaction.Commit();
    }

    /// <summary>Checks the schema without changing anything, for a storage that only reads.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="schema">The schema name (already validated).</param>
    /// <param name="location">Where the data lives, for messages.</param>
    /// <returns>Whether the schema exists.</returns>
    /// <exception cref="StorageException">The database's schema is newer than this code.</exception>
    public static bool Check(NpgsqlDataSource dataSource, string schema, string location)
    {
        using NpgsqlConnection connection = dataSource.OpenConnection();
        int current = ReadVersion(connection, schema);
        return current <= Migrations.Latest
            ? current > 0
            : throw new StorageException($"{location}: schema '{schema}' is at version {current}, newer than this Nomadic.Storage.Postgres knows ({Migrations.Latest}); upgrade the package, the database was left unchanged.");
    }

    private static int ReadVersion(NpgsqlConnection connection, string schema)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter<string>("table", schema + ".schema_version"));
            if (exists.ExecuteScalar() is not true)
            {
                return 0;
            }
        }

        using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_version", connection);
        return Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        command.ExecuteNonQuery();
    }
}
