using System.Globalization;
using Microsoft.Extensions.AI;
using Nomadic.AI.Prompts;

namespace Nomadic.AI;

/// <summary>What a run's parameters mean to an <see cref="LlmObjective"/>: chat options, prompt variant, few-shot count.</summary>
internal sealed record RunSettings(ChatOptions ChatOptions, PromptTemplate Prompt, int FewShotCount)
{
    public static RunSettings Read(IReadOnlyDictionary<string, object?> parameters, LlmObjectiveOptions options)
    {
        var chat = new ChatOptions
        {
            ModelId = Text(parameters, LlmParameters.Model),
            Temperature = (float?)Number(parameters, LlmParameters.Temperature),
            TopP = (float?)Number(parameters, LlmParameters.TopP),
            MaxOutputTokens = Integer(parameters, LlmParameters.MaxTokens),
        };
        PromptTemplate prompt = Text(parameters, LlmParameters.PromptVariant) is { } variant
            ? options.Prompts[variant]
            : options.Prompts.Names.Count == 1
                ? options.Prompts[options.Prompts.Names[0]]
                : throw new ArgumentException($"The parameters lack \"{LlmParameters.PromptVariant}\", needed to choose among the prompt variants {string.Join(", ", options.Prompts.Names)}.");
        int shots = Integer(parameters, LlmParameters.FewShotCount) ?? 0;
        if (shots > 0 && options.FewShot is null)
        {
            throw new ArgumentException($"The run asks for {shots} few-shot examples but the objective has no few-shot pool.");
        }

        return new RunSettings(chat, prompt, shots);
    }

    private static string? Text(IReadOnlyDictionary<string, object?> parameters, string name) =>
        parameters.TryGetValue(name, out object? value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static double? Number(IReadOnlyDictionary<string, object?> parameters, string name)
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

    private static int? Integer(IReadOnlyDictionary<string, object?> parameters, string name) =>
        Number(parameters, name) is { } number
            ? number == Math.Floor(number) && number is >= 0 and <= int.MaxValue ? (int)number : throw new ArgumentException($"The parameter \"{name}\" must be a whole number of 0 or more, got {number}.")
            : null;
}
