using System.Data.Common;

namespace Nomadic.Workspace.Store;

/// <summary>One open connection, in a transaction or not, that runs the store's SQL with its table prefix.</summary>
internal sealed class DbSession(DbConnection connection, DbTransaction? transaction, string prefix)
{
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using DbCommand command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using DbCommand command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using DbCommand command = Command(sql, parameters);
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The only text spliced in is the store's own table prefix, never user input.
        command.CommandText = sql.Replace("{p}", prefix, StringComparison.Ordinal);
#pragma warning restore CA2100
        foreach ((string name, object? value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
