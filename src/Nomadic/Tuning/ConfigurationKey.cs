namespace Nomadic.Tuning;

/// <summary>The identity of a configuration: its search-space values in order, so equal configurations are recognised as one.</summary>
/// <remarks>
/// Fixed parameters are the same for every run and are left out. Numbers compare by value (1 and 1.0 are one value,
/// 0.0 and -0.0 too), strings ordinally.
/// </remarks>
internal sealed class ConfigurationKey : IEquatable<ConfigurationKey>
{
    private static readonly object Missing = new();
    private readonly object?[] _values;
    private readonly int _hash;

    private ConfigurationKey(object?[] values)
    {
        _values = values;
        var hash = new HashCode();
        foreach (object? value in values)
        {
            hash.Add(HashOf(value));
        }

        _hash = hash.ToHashCode();
    }

    public static ConfigurationKey Of(IReadOnlyList<string> names, IReadOnlyDictionary<string, object?> configuration)
    {
        var values = new object?[names.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = configuration.TryGetValue(names[i], out object? value) ? value : Missing;
        }

        return new ConfigurationKey(values);
    }

    /// <summary>Gets the key as canonical text (a JSON array of the values; numbers as doubles), for storages to index.</summary>
    public string ToText()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * _values.Length + 2);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (object? value in _values)
            {
                WriteCanonical(writer, value);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public bool Equals(ConfigurationKey? other)
    {
        if (other is null || other._hash != _hash || other._values.Length != _values.Length)
        {
            return false;
        }

        for (int i = 0; i < _values.Length; i++)
        {
            if (!ReferenceEquals(_values[i], other._values[i]) && !ParamValue.AreEqual(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ConfigurationKey);

    public override int GetHashCode() => _hash;

    private static void WriteCanonical(System.Text.Json.Utf8JsonWriter writer, object? value)
    {
        if (ReferenceEquals(value, Missing))
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
        else if (value is long l && l != (long)(double)l)
        {
            writer.WriteNumberValue(l);
        }
        else if (ParamValue.TryGetDouble(value, out double d))
        {
            writer.WriteRawValue(ParamValue.FormatDouble(d == 0 ? 0.0 : d), skipInputValidation: true);
        }
        else
        {
            Serialization.JsonValues.Write(writer, value);
        }
    }

    // Numbers hash by their double value so values that compare equal (1 and 1.0, 0.5f and 0.5) hash alike.
    private static int HashOf(object? value) => value switch
    {
        null => 0,
        string s => StringComparer.Ordinal.GetHashCode(s),
        _ when ParamValue.TryGetDouble(value, out double d) => d == 0 ? 0 : d.GetHashCode(),
        _ => value.GetHashCode(),
    };
}
