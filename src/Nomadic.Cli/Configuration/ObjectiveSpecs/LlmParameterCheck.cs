using Nomadic.AI;
using Nomadic.AI.Prompts;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Checks the parameters an experiment gives an objective that asks a chat model: each name must be one the objective
/// reads or a placeholder of its templates, and each value of a model parameter (<see cref="LlmParameters"/>) one it
/// can use (a number for <c>temperature</c>, a variant name for <c>prompt_variant</c>...), in the search space, the
/// fixed and the current parameters alike.
/// </summary>
/// <param name="file">The experiment file.</param>
/// <param name="objective">The objective as messages name it: <c>the llm objective</c>.</param>
/// <param name="read">The parameters the objective reads.</param>
/// <param name="prompts">The prompt variants <c>prompt_variant</c> chooses among.</param>
/// <param name="fewShotExamples">How many few-shot examples every item can get; null without a pool.</param>
internal sealed class LlmParameterCheck(ExperimentFile file, string objective, IReadOnlyList<string> read, PromptVariants prompts, int? fewShotExamples)
{
    /// <summary>The parameters the llm objective reads.</summary>
    public static readonly string[] LlmObjectiveParameters =
    [
        LlmParameters.Model, LlmParameters.Temperature, LlmParameters.MaxTokens, LlmParameters.TopP, LlmParameters.PromptVariant, LlmParameters.FewShotCount,
    ];

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

    private bool Checks(string name) => read.Contains(name, StringComparer.Ordinal) && LlmObjectiveParameters.Contains(name, StringComparer.Ordinal);

    private void CheckDomain(string name, Domain domain)
    {
        SourcePosition position = PositionOf(file, name);
        IEnumerable<object?> values = domain switch
        {
            ChoiceDomain choice => choice.Values,
            IntDomain range => [range.MinValue, range.MaxValue],
            FloatDomain when name is LlmParameters.Temperature or LlmParameters.TopP => [],
            _ => throw Error(position, $"\"search_space.{name}\" takes {Expected(name)}; declare it with {(name is LlmParameters.MaxTokens or LlmParameters.FewShotCount ? "randint or a list" : "a list")}"),
        };
        if (values.Select(v => Problem(name, v)).FirstOrDefault(p => p is not null) is string problem)
        {
            throw Error(position, $"\"search_space.{name}\": {problem}");
        }
    }

    private void CheckValues(string key, IReadOnlyDictionary<string, object?>? values)
    {
        foreach ((string name, object? value) in values ?? new Dictionary<string, object?>())
        {
            if (Checks(name) && value is not null && Problem(name, value) is string problem)
            {
                throw Error(SourcePosition.Unknown, $"\"{key}.{name}\": {problem}");
            }
        }
    }

    private string? Problem(string name, object? value)
    {
        string shown = value is string text ? $"\"{text}\"" : ParamText.Invariant(value);
        bool ok = name switch
        {
            LlmParameters.Temperature or LlmParameters.TopP => value is int or long or double,
            LlmParameters.MaxTokens => Whole(value) is >= 1,
            LlmParameters.FewShotCount => Whole(value) is >= 0,
            LlmParameters.PromptVariant => value is string variant && prompts.Names.Contains(variant, StringComparer.Ordinal),
            _ => value is string { Length: > 0 },
        };
        if (!ok)
        {
            return $"{shown} is not {Expected(name)}";
        }

        return name == LlmParameters.FewShotCount && Whole(value) > fewShotExamples
            ? $"{shown} is more than the {fewShotExamples} examples of the few-shot pool each item can get"
            : null;
    }

    private string Expected(string name) => name switch
    {
        LlmParameters.Temperature or LlmParameters.TopP => "a number",
        LlmParameters.MaxTokens => "a whole number of 1 or more",
        LlmParameters.FewShotCount => "a whole number of 0 or more",
        LlmParameters.PromptVariant => "one of the prompt variants " + string.Join(", ", prompts.Names),
        _ => "a model name",
    };

    private static long? Whole(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d when d == Math.Floor(d) && Math.Abs(d) < int.MaxValue => (long)d,
        _ => null,
    };

    private InputException Error(SourcePosition position, string problem) => new(position.Describe(file.Path, problem));
}
