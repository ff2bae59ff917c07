using System.Globalization;
using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>
/// Reads a connection string in Npgsql's keyword form or as a <c>postgresql://</c> URL (libpq's query options such as
/// <c>sslmode</c> mapped to Npgsql's keywords), and describes it without secrets.
/// </summary>
public static class PostgresConnectionString
{
    private const int DefaultPort = 5432;

    // URL query options as libpq spells them, mapped to Npgsql's keywords; anything else must be an Npgsql keyword.
    private static readonly Dictionary<string, string> QueryAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
    };

    /// <summary>Parses a connection string.</summary>
    /// <param name="text">Keyword form (<c>Host=...;Database=...</c>) or <c>postgresql://user:pass@host:port/db?sslmode=require</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The text is neither form; the message never contains the password.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        try
        {
            return IsUrl(text) ? FromUrl(text) : new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            throw new ArgumentException("The PostgreSQL connection string is not valid: " + e.Message, nameof(text), e);
        }
    }

    /// <summary>Describes where the data lives as <c>host:port/database</c>.</summary>
    /// <param name="builder">The connection settings.</param>
    /// <returns>The description, without user name or password.</returns>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        string host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        string database = builder.Database ?? builder.Username ?? "postgres";
        return string.Create(CultureInfo.InvariantCulture, $"{host}:{builder.Port}/{database}");
    }

    private static bool IsUrl(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri))
        {
            throw new UriFormatException("expected postgresql://user:password@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.IdnHost) ? "localhost" : uri.IdnHost,
            Port = uri.Port > 0 ? uri.Port : DefaultPort,
        };
        if (uri.UserInfo.Length > 0)
        {
            string[] user = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(user[0]);
            if (user.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(user[1]);
            }
        }

        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(parts[0]);
            builder[QueryAliases.GetValueOrDefault(key, key)] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }

        return builder;
    }
}
