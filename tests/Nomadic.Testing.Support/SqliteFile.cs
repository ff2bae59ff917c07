using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Nomadic.Testing;

/// <summary>Reads a SQLite file through a connection of its own, as another program would.</summary>
public static class SqliteFile
{
    /// <summary>Runs SQL on the file and returns the first column of the first row.</summary>
    public static object? Sql(string file, string sql)
    {
        using SqliteConnection connection = Open(file);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Reads every cell of a table as text.</summary>
    public static List<string> Cells(string file, string table)
    {
        using SqliteConnection connection = Open(file);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        using SqliteDataReader reader = command.ExecuteReader();
        var cells = new List<string>();
        while (reader.Read())
        {
            for (int i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!);
            }
        }

        return cells;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
