using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Nomadic.Cli;

/// <summary>
/// Converts between JSON and plain values keeping their types: an integer stays <see cref="int"/> (or <see cref="long"/>),
/// a number with a decimal point or exponent is a <see cref="double"/> and is written back with one.
/// </summary>
internal static class JsonPlain
{
    public static object? Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Read).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0 && element.TryGetInt32(out int i) => i,
        JsonValueKind.Number when element.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0 && element.TryGetInt64(out long l) => l,
        JsonValueKind.Number => element.GetDouble(),
        _ => null,
    };

    public static string Serialize(IReadOnlyDictionary<string, object?> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, values);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> values)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, object?> pair in values)
        {
            writer.WritePropertyName(pair.Key);
            WriteValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d when double.IsFinite(d):
                string text = d.ToString("R", CultureInfo.InvariantCulture);
                writer.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? text : text + ".0", skipInputValidation: true);
                break;
            case IReadOnlyDictionary<string, object?> map: Write(writer, map); break;
            case System.Collections.IEnumerable list and not string:
                writer.WriteStartArray();
                foreach (object? item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(ParamText.Invariant(value)); break;
        }
    }
}
