using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Nomadic.Serialization;

/// <summary>
/// Writes and reads parameter and metadata values so each keeps its type: a double is always written with a decimal
/// point or exponent (<c>1.0</c>), an integer without, so <c>32</c> reads back as <see cref="int"/> and <c>0.5</c> as <see cref="double"/>.
/// </summary>
internal static class JsonValues
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: WriteDouble(writer, d); break;
            case float f: WriteDouble(writer, f); break;
            case decimal m: WriteDouble(writer, (double)m); break;
            case byte or sbyte or short or ushort or uint or ulong: writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!); break;
            case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTime dt: writer.WriteStringValue(dt.ToString("O", CultureInfo.InvariantCulture)); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IDictionary dictionary: WriteDictionary(writer, dictionary); break;
            case IEnumerable list: WriteList(writer, list); break;
            case IFormattable formattable: writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }

    public static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> values)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, object?> pair in values)
        {
            writer.WritePropertyName(pair.Key);
            Write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            // JSON has no NaN or infinity; they are kept as strings, as Json.NET and pandas do.
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
            return;
        }

        if (value != Math.Floor(value))
        {
            writer.WriteNumberValue(value);
            return;
        }

        // An integral double is written as 1.0 so it reads back as a double, not an int; a decimal with one
        // fractional digit prints that way and, unlike a raw value, keeps the writer's indentation. Decimals hold
        // 15 exact digits; larger integral doubles are written raw.
        if ((value == 0 && double.IsNegative(value)) || Math.Abs(value) >= 1e15)
        {
            writer.WriteRawValue(ParamValue.FormatDouble(value), skipInputValidation: true);
            return;
        }

        writer.WriteNumberValue((decimal)value + 0.0m);
    }

    public static object? Read(JsonElement element) => Read(element, "");

    /// <summary>Reads a value; a number no double holds (<c>1e309</c>) is an error naming <paramref name="field"/>.</summary>
    public static object? Read(JsonElement element, string field) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ReadNumber(element, field),
        JsonValueKind.Array => element.EnumerateArray().Select((item, i) => Read(item, JsonFields.Item(field, i))).ToList(),
        _ => ReadObject(element, field),
    };

    public static Dictionary<string, object?> ReadObject(JsonElement element) => ReadObject(element, "");

    /// <summary>Reads an object of named values; errors name the field, e.g. <c>params.lr: 1e309 is not a finite number</c>.</summary>
    public static Dictionary<string, object?> ReadObject(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.WrongType(field, "an object", element);
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            values[property.Name] = Read(property.Value, JsonFields.Member(field, property.Name));
        }

        return values;
    }

    /// <summary>
    /// Reads a double as <see cref="WriteDouble"/> writes it where a value may be missing or infinite: a finite number,
    /// <c>null</c> (NaN) or the strings <c>"Infinity"</c> and <c>"-Infinity"</c>; anything else is an error naming the field.
    /// </summary>
    public static double ReadDouble(JsonElement element, string field = "") => element.ValueKind switch
    {
        JsonValueKind.Number => JsonFields.Finite(element, field),
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String when element.ValueEquals("Infinity") => double.PositiveInfinity,
        JsonValueKind.String when element.ValueEquals("-Infinity") => double.NegativeInfinity,
        _ => throw JsonFields.WrongType(field, "a number", element),
    };

    private static object ReadNumber(JsonElement element, string field)
    {
        string raw = element.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            if (element.TryGetInt32(out int i))
            {
                return i;
            }

            if (element.TryGetInt64(out long l))
            {
                return l;
            }
        }

        return JsonFields.Finite(element, field);
    }

    private static void WriteDictionary(Utf8JsonWriter writer, IDictionary dictionary)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
            Write(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, IEnumerable list)
    {
        writer.WriteStartArray();
        foreach (object? item in list)
        {
            Write(writer, item);
        }

        writer.WriteEndArray();
    }
}
