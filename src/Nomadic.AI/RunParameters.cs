using System.Globalization;
using Microsoft.Extensions.AI;

namespace Nomadic.AI;

/// <summary>Reads the values of a run's parameters that a chat call uses: text, numbers and the call's <see cref="ChatOptions"/>.</summary>
internal static class RunParameters
{
    /// <summary>The chat options of <see cref="LlmParameters.Model"/>, <see cref="LlmParameters.Temperature"/>, <see cref="LlmParameters.TopP"/> and <see cref="LlmParameters.MaxTokens"/>; each unset when absent.</summary>
    public static ChatOptions ChatOptions(IReadOnlyDictionary<string, object?> parameters) => new()
    {
        ModelId = Text(parameters, LlmParameters.Model),
        Temperature = (float?)Number(parameters, LlmParameters.Temperature),
        TopP = (float?)Number(parameters, LlmParameters.TopP),
        MaxOutputTokens = Integer(parameters, LlmParameters.MaxTokens),
    };

    /// <summary>Every parameter as placeholder text, by name.</summary>
    public static Dictionary<string, string> AsText(IReadOnlyDictionary<string, object?> parameters) =>
        parameters.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal);

    public static string? Text(IReadOnlyDictionary<string, object?> parameters, string name) =>
        parameters.TryGetValue(name, out object? value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    public static double? Number(IReadOnlyDictionary<string, object?> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out object? value) || value is null)
        {
            return null;
        }

        return value switch
        {
            double or float or int or long or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
            _ => throw new ArgumentException($"The parameter \"{name}\" must be a number, got {value}."),
        };
    }

    public static int? Integer(IReadOnlyDictionary<string, object?> parameters, string name) =>
        Number(parameters, name) is { } number
            ? number == Math.Floor(number) && number is >= 0 and <= int.MaxValue ? (int)number : throw new ArgumentException($"The parameter \"{name}\" must be a whole number of 0 or more, got {number}.")
            : null;
}
