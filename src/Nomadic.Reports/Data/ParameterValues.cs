using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Reads parameter and metadata values as numbers and as display text.</summary>
internal static class ParameterValues
{
    public static bool TryNumber(object? value, out double number)
    {
        number = value switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            short s => s,
            byte b => b,
            _ => double.NaN,
        };
        return double.IsFinite(number);
    }

    public static string Label(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => Number(d),
        float f => Number(f),
        _ => ValueText.Format(value),
    };

    /// <summary>A number as short text, as <see cref="NumberText.Format(double)"/> writes it.</summary>
    public static string Number(double value) => NumberText.Format(value);
}
