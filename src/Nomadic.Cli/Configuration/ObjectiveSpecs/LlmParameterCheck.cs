using Nomadic.AI;
using Nomadic.AI.Prompts;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Checks the parameters an experiment gives an objective that asks a chat model: each name must be one the objective
/// reads or a placeholder of its templates, and each value of a model parameter (<see cref="LlmParameters"/>) one the
/// run accepts (<see cref="LlmParameterRules"/>), in the search space, the fixed and the current parameters alike.
/// </summary>
/// <param name="file">The experiment file.</param>
/// <param name="objective">The objective as messages name it: <c>the llm objective</c>.</param>
/// <param name="read">The parameters the objective reads.</param>
/// <param name="prompts">The prompt variants <c>prompt_variant</c> chooses among.</param>
/// <param name="fewShotExamples">How many few-shot examples every item can get; null without a pool.</param>
internal sealed class LlmParameterCheck(ExperimentFile file, string objective, IReadOnlyList<string> read, PromptVariants prompts, int? fewShotExamples)
{
    private readonly LlmParameterRules _rules = new(prompts.Names, fewShotExamples);

    /// <summary>Checks the parameters.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="placeholders">The placeholders of the templates that a parameter can fill.</param>
    /// <exception cref="InputException">A parameter is unknown or a value unusable; the message names it.</exception>
    public void Check(SearchSpace space, IReadOnlySet<string> placeholders)
    {
        var given = space.Names.Select(n => (Name: n, Where: "search_space"))
            .Concat((file.FixedParams?.Keys ?? []).Select(n => (Name: n, Where: "fixed_params")))
            .Concat((file.CurrentParams?.Keys ?? []).Select(n => (Name: n, Where: "current_params")))
            .ToList();
        if (given.FirstOrDefault(p => !read.Contains(p.Name, StringComparer.Ordinal) && !placeholders.Contains(p.Name)) is { Name: not null } unknown)
        {
            string[] known = [.. read, .. placeholders];
            string hint = KeySuggestion.Nearest(unknown.Name, known) is string near ? $"did you mean \"{near}\"?" : "expected one of: " + string.Join(", ", known);
            SourcePosition position = unknown.Where == "search_space" ? PositionOf(file, unknown.Name) : SourcePosition.Unknown;
            throw Error(position, $"parameter \"{unknown.Name}\" in \"{unknown.Where}\" is neither one {objective} reads nor a placeholder of its prompts; {hint}");
        }

        foreach ((string name, Domain domain) in space.Where(p => Checks(p.Key)))
        {
            CheckDomain(name, domain);
        }

        CheckValues("fixed_params", file.FixedParams);
        CheckValues("current_params", file.CurrentParams);
    }

    /// <summary>Where a parameter of the search space is declared; unknown when it is not there.</summary>
    public static SourcePosition PositionOf(ExperimentFile file, string name) =>
        file.SearchSpace?.Map.Find(name) is ConfigEntry entry ? entry.KeyPosition : SourcePosition.Unknown;

    private bool Checks(string name) => read.Contains(name, StringComparer.Ordinal) && LlmParameterRules.Names.Contains(name, StringComparer.Ordinal);

    private void CheckDomain(string name, Domain domain)
    {
        if (_rules.Check(name, domain) is ParameterProblem problem)
        {
            throw Error(PositionOf(file, name), $"\"search_space.{name}\": {problem.Message}");
        }
    }

    private void CheckValues(string key, IReadOnlyDictionary<string, object?>? values)
    {
        foreach ((string name, object? value) in values ?? new Dictionary<string, object?>())
        {
            if (Checks(name) && _rules.Check(name, value) is ParameterProblem problem)
            {
                throw Error(SourcePosition.Unknown, $"\"{key}.{name}\": {problem.Message}");
            }
        }
    }

    private InputException Error(SourcePosition position, string problem) => new(position.Describe(file.Path, problem));
}
