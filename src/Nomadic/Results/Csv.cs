namespace Nomadic.Results;

/// <summary>RFC 4180 field quoting.</summary>
internal static class Csv
{
    private static readonly char[] Special = [',', '"', '\n', '\r'];

    public static string Escape(string field) =>
        field.IndexOfAny(Special) < 0 && (field.Length == 0 || (field[0] != ' ' && field[^1] != ' '))
            ? field
            : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
