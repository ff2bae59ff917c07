using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>
/// Reads a connection string in Npgsql's keyword form or as a <c>postgresql://</c> URL (libpq's query options such as
/// <c>sslmode</c> mapped to Npgsql's keywords), and describes it without secrets.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Parses a connection string, checking every keyword, value and the port before anything connects.</summary>
    /// <param name="text">Keyword form (<c>Host=...;Database=...</c>) or <c>postgresql://user:pass@host:port/db?sslmode=require</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or blank.</exception>
    /// <exception cref="ConnectionStringException">
    /// The text is malformed, names an unknown keyword or option, gives a keyword a value of the wrong kind, or a port
    /// outside 1 to 65535; the message never contains the password.
    /// </exception>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        NpgsqlConnectionStringBuilder builder = PostgresUrl.IsUrl(text) ? PostgresUrl.Parse(text) : FromKeywords(text);
        return builder.Port is >= 1 and <= 65535
            ? builder
            : throw new ConnectionStringException(string.Create(CultureInfo.InvariantCulture, $"port {builder.Port} is out of range (1 to 65535)"));
    }

    /// <summary>Describes where the data lives as <c>host:port/database</c>.</summary>
    /// <param name="builder">The connection settings.</param>
    /// <returns>The description, without user name or password.</returns>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        string database = builder.Database ?? builder.Username ?? "postgres";
        return string.Create(CultureInfo.InvariantCulture, $"{host}:{builder.Port}/{database}");
    }

    /// <summary>Sets one keyword, naming it when it is unknown or its value does not fit (the value only when it is no secret).</summary>
    internal static void Set(NpgsqlConnectionStringBuilder builder, string key, string value, string what)
    {
        if (!builder.ContainsKey(key))
        {
            throw new ConnectionStringException($"unknown {what} \"{key}\"");
        }

        try
        {
            builder[key] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            bool secret = key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase);
            throw new ConnectionStringException(secret ? $"the value of \"{key}\" is not valid" : $"\"{key}\" cannot be \"{value}\"", e);
        }
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string text)
    {
        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = text;
        }
        catch (ArgumentException e)
        {
            throw new ConnectionStringException("it is neither KEYWORD=VALUE pairs separated by ';' nor a postgresql:// URL", e);
        }

        var builder = new NpgsqlConnectionStringBuilder();
        foreach (string key in pairs.Keys)
        {
            Set(builder, key, Convert.ToString(pairs[key], CultureInfo.InvariantCulture) ?? "", "keyword");
        }

        return builder;
    }
}
