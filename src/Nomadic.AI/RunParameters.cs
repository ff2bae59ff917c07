using System.Globalization;
using Microsoft.Extensions.AI;

namespace Nomadic.AI;

/// <summary>
/// Reads the values of a run's parameters that a chat call uses, each first checked by <see cref="LlmParameterRules"/>:
/// text, numbers and the call's <see cref="ChatOptions"/>.
/// </summary>
internal static class RunParameters
{
    private static readonly LlmParameterRules AnyPrompts = new();

    /// <summary>The chat options of <see cref="LlmParameters.Model"/>, <see cref="LlmParameters.Temperature"/>, <see cref="LlmParameters.TopP"/> and <see cref="LlmParameters.MaxTokens"/>; each unset when absent.</summary>
    /// <exception cref="ArgumentException">A value is unusable; the message names the parameter.</exception>
    public static ChatOptions ChatOptions(IReadOnlyDictionary<string, object?> parameters) => new()
    {
        ModelId = (string?)Checked(parameters, LlmParameters.Model, AnyPrompts),
        Temperature = (float?)Number(parameters, LlmParameters.Temperature),
        TopP = (float?)Number(parameters, LlmParameters.TopP),
        MaxOutputTokens = Integer(parameters, LlmParameters.MaxTokens),
    };

    /// <summary>Every parameter as placeholder text, by name.</summary>
    public static Dictionary<string, string> AsText(IReadOnlyDictionary<string, object?> parameters) =>
        parameters.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal);

    /// <summary>The value of a parameter that <paramref name="rules"/> accepted; null when absent.</summary>
    /// <exception cref="ArgumentException">The value is unusable; the message names the parameter.</exception>
    public static object? Checked(IReadOnlyDictionary<string, object?> parameters, string name, LlmParameterRules rules)
    {
        if (!parameters.TryGetValue(name, out object? value) || value is null)
        {
            return null;
        }

        return rules.Check(name, value) is ParameterProblem problem
            ? throw new ArgumentException($"The parameter \"{name}\": {problem.Message}.")
            : value;
    }

    /// <summary>A whole-number parameter that the rules accepted; null when absent.</summary>
    /// <exception cref="ArgumentException">The value is unusable; the message names the parameter.</exception>
    public static int? Integer(IReadOnlyDictionary<string, object?> parameters, string name) => (int?)Number(parameters, name);

    private static double? Number(IReadOnlyDictionary<string, object?> parameters, string name) =>
        Checked(parameters, name, AnyPrompts) is object value ? ParameterRule.AsNumber(value) : null;
}
