using Npgsql;

namespace Nomadic.Workspace.Store;

/// <summary>Turns a <c>postgresql://user:password@host:port/database?sslmode=...</c> URL into Npgsql's keyword form.</summary>
internal static class PostgresUrl
{
    public static string ToConnectionString(string text)
    {
        if (!text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri))
        {
            throw new ArgumentException("The PostgreSQL URL is not valid.", nameof(text));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        string[] credentials = uri.UserInfo.Split(':', 2);
        if (credentials[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(credentials[0]);
        }

        if (credentials.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(credentials[1]);
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
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
        }

        return builder.ToString();
    }

}
