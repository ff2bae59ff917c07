using System.Data.Common;
using System.Text;

namespace Nomadic.Storage;

/// <summary>Reads connection text as the BCL parses it: <c>scheme://user:password@host/...</c> URLs and <c>key=value;...</c> strings.</summary>
internal static class ConnectionText
{
    private const string Hidden = "***";

    /// <summary>Whether the text is a <c>key=value;...</c> string with the key (any case).</summary>
    public static bool HasKey(string text, string key) => Keywords(text) is { } builder && builder.ContainsKey(key);

    /// <summary>Hides the password of a URL's user information or of a <c>password</c>/<c>pwd</c> keyword; other text is returned as it is.</summary>
    public static string Redact(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && uri.UserInfo.IndexOf(':', StringComparison.Ordinal) is int colon and >= 0
                ? ReplaceFirst(text, uri.UserInfo + "@", uri.UserInfo[..(colon + 1)] + Hidden + "@")
                : text;
        }

        if (Keywords(text) is not { } builder)
        {
            return text;
        }

        string[] keys = [.. builder.Keys.Cast<string>()];
        if (!keys.Any(IsSecret))
        {
            return text;
        }

        // The builder lower-cases keys; each is shown as the text spells it.
        var shown = new StringBuilder();
        foreach (string key in keys)
        {
            int at = text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            DbConnectionStringBuilder.AppendKeyValuePair(shown, at < 0 ? key : text.Substring(at, key.Length), IsSecret(key) ? Hidden : builder[key]?.ToString());
        }

        return shown.ToString();
    }

    private static bool IsSecret(string key) => key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase);

    private static DbConnectionStringBuilder? Keywords(string text)
    {
        try
        {
            return new DbConnectionStringBuilder { ConnectionString = text };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
