using System.Globalization;
using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>
/// Reads <c>postgresql://user:password@host:port/database?option=value</c>, libpq's query options (such as
/// <c>sslmode</c>) mapped to Npgsql's keywords. Errors never repeat the text, which holds the password.
/// </summary>
internal static class PostgresUrl
{
    private const int DefaultPort = 5432;
    private const string Form = "postgresql://USER:PASSWORD@HOST:PORT/DATABASE";

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

    public static bool IsUrl(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri))
        {
            throw new ConnectionStringException(WhyNotAUrl(text));
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
            PostgresConnectionString.Set(builder, QueryAliases.GetValueOrDefault(key, key), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty, "option");
        }

        return builder;
    }

    // The host and port follow the last '@' before the path or query; the user name and password come before it.
    private static string WhyNotAUrl(string text)
    {
        string rest = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        int query = rest.IndexOfAny(['?', '#']);
        string beforeQuery = query < 0 ? rest : rest[..query];
        string server = beforeQuery[(beforeQuery.LastIndexOf('@') + 1)..];
        int path = server.IndexOf('/', StringComparison.Ordinal);
        server = path < 0 ? server : server[..path];
        if (server.StartsWith('['))
        {
            int close = server.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return "the IPv6 host address has no closing ']'";
            }

            server = server[(close + 1)..];
            return server.Length == 0 || server.StartsWith(':') ? WhyNotAPort(server) : $"it is not a URL of the form {Form}";
        }

        int colon = server.LastIndexOf(':');
        return colon < 0 ? $"it is not a URL of the form {Form}" : WhyNotAPort(server[colon..]);
    }

    private static string WhyNotAPort(string colonAndPort)
    {
        string port = colonAndPort.TrimStart(':');
        if (port.Length == 0 || !port.All(char.IsAsciiDigit))
        {
            return $"the port is not a number (expected {Form})";
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number is >= 1 and <= 65535
            ? $"it is not a URL of the form {Form}"
            : $"port {port} is out of range (1 to 65535)";
    }
}
