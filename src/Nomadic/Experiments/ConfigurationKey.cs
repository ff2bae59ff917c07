using System.Globalization;
using System.Text;

namespace Nomadic.Experiments;

/// <summary>A canonical text of a configuration's search-space values, so equal configurations are recognised as one.</summary>
/// <remarks>
/// Fixed parameters are the same for every run and are left out. Numbers compare by value (1 and 1.0 are one value),
/// doubles by their exact bits.
/// </remarks>
internal static class ConfigurationKey
{
    public static string Of(IReadOnlyList<string> names, IReadOnlyDictionary<string, object?> configuration)
    {
        var builder = new StringBuilder(names.Count * 12);
        for (int i = 0; i < names.Count; i++)
        {
            if (!configuration.TryGetValue(names[i], out object? value))
            {
                builder.Append('~');
            }
            else
            {
                Append(builder, value);
            }

            builder.Append('\u001f');
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null: builder.Append('n'); break;
            case int i: builder.Append('d').Append(BitConverter.DoubleToInt64Bits(i)); break;
            case long l when l == (long)(double)l: builder.Append('d').Append(BitConverter.DoubleToInt64Bits(l)); break;
            case long l: builder.Append('l').Append(l); break;
            case double d: builder.Append('d').Append(BitConverter.DoubleToInt64Bits(d == 0 ? 0.0 : d)); break;
            case bool b: builder.Append(b ? 'T' : 'F'); break;
            case string s: builder.Append('s').Append(s); break;
            default: builder.Append('o').Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
