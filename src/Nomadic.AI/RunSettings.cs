using Microsoft.Extensions.AI;
using Nomadic.AI.Prompts;

namespace Nomadic.AI;

/// <summary>What a run's parameters mean to an <see cref="LlmObjective"/>: chat options, prompt variant, few-shot count.</summary>
internal sealed record RunSettings(ChatOptions ChatOptions, PromptTemplate Prompt, int FewShotCount)
{
    public static RunSettings Read(IReadOnlyDictionary<string, object?> parameters, LlmObjectiveOptions options)
    {
        PromptTemplate prompt = RunParameters.Text(parameters, LlmParameters.PromptVariant) is { } variant
            ? options.Prompts[variant]
            : options.Prompts.Names.Count == 1
                ? options.Prompts[options.Prompts.Names[0]]
                : throw new ArgumentException($"The parameters lack \"{LlmParameters.PromptVariant}\", needed to choose among the prompt variants {string.Join(", ", options.Prompts.Names)}.");
        int shots = RunParameters.Integer(parameters, LlmParameters.FewShotCount) ?? 0;
        if (shots > 0 && options.FewShot is null)
        {
            throw new ArgumentException($"The run asks for {shots} few-shot examples but the objective has no few-shot pool.");
        }

        return new RunSettings(RunParameters.ChatOptions(parameters), prompt, shots);
    }
}
