using Nomadic.AI;
using Nomadic.AI.Prompts;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration;

/// <summary>
/// Checks the parameters an experiment gives an LLM objective: each name must be one the objective reads
/// (<see cref="LlmParameters"/>) or a placeholder of its templates, and each value one it can use (a number for
/// <c>temperature</c>, a variant name for <c>prompt_variant</c>...), in the search space, the fixed and the current
/// parameters alike.
/// </summary>
/// <param name="file">The experiment file.</param>
/// <param name="spec">The objective.</param>
/// <param name="prompts">The prompt variants.</param>
/// <param name="fewShotExamples">How many few-shot examples every item can get; null without a pool.</param>
internal sealed class LlmParameterCheck(ExperimentFile file, LlmObjectiveSpec spec, PromptVariants prompts, int? fewShotExamples)
{
    /// <summary>The parameters the objective reads.</summary>
    public static readonly string[] Read =
    [
        LlmParameters.Model, LlmParameters.Temperature, LlmParameters.MaxTokens, LlmParameters.TopP,
        LlmParameters.PromptVariant, LlmParameters.FewShotCount,
    ];

    /// <summary>Checks the parameters.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="placeholders">The placeholders of the prompts and the system message.</param>
    /// <exception cref="InputException">A parameter is unknown or a value unusable; the message names it.</exception>
    public void Check(SearchSpace space, IReadOnlySet<string> placeholders)
    {
        var given = space.Names.Select(n => (Name: n, Where: "search_space"))
            .Concat((file.FixedParams?.Keys ?? []).Select(n => (Name: n, Where: "fixed_params")))
            .Concat((file.CurrentParams?.Keys ?? []).Select(n => (Name: n, Where: "current_params")))
            .ToList();
        if (given.FirstOrDefault(p => !Read.Contains(p.Name, StringComparer.Ordinal) && !placeholders.Contains(p.Name)) is { Name: not null } unknown)
        {
            string[] known = [.. Read, .. placeholders];
            string hint = KeySuggestion.Nearest(unknown.Name, known) is string near ? $"did you mean \"{near}\"?" : "expected one of: " + string.Join(", ", known);
            throw Error(PositionOf(unknown.Name, unknown.Where), $"parameter \"{unknown.Name}\" in \"{unknown.Where}\" is neither one the llm objective reads nor a placeholder of its prompts; {hint}");
        }

        CheckVariantChoice(given.Select(p => p.Name).ToHashSet(StringComparer.Ordinal), space);
        foreach ((string name, Domain domain) in space.Where(p => Read.Contains(p.Key, StringComparer.Ordinal)))
        {
            CheckDomain(name, domain);
        }

        CheckValues("fixed_params", file.FixedParams);
        CheckValues("current_params", file.CurrentParams);
    }

    private void CheckVariantChoice(HashSet<string> given, SearchSpace space)
    {
        if (!spec.HasVariants && given.Contains(LlmParameters.PromptVariant))
        {
            throw Error(PositionOf(LlmParameters.PromptVariant, "search_space"), "parameter \"prompt_variant\" chooses among \"objective.llm.prompts\", but the objective has a single \"prompt\"");
        }

        if (prompts.Names.Count > 1 && !space.ContainsKey(LlmParameters.PromptVariant) && file.FixedParams?.ContainsKey(LlmParameters.PromptVariant) != true)
        {
            throw Error(spec.Position, $"\"objective.llm.prompts\" has {prompts.Names.Count} variants; choose among them with \"prompt_variant\" in \"search_space\" (or \"fixed_params\"), e.g. prompt_variant: [{string.Join(", ", prompts.Names)}]");
        }

        if (spec.FewShot is null && given.Contains(LlmParameters.FewShotCount))
        {
            throw Error(PositionOf(LlmParameters.FewShotCount, "search_space"), "parameter \"few_shot_count\" needs \"objective.llm.few_shot\", the pool of examples");
        }
    }

    private void CheckDomain(string name, Domain domain)
    {
        SourcePosition position = PositionOf(name, "search_space");
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
            if (Read.Contains(name, StringComparer.Ordinal) && value is not null && Problem(name, value) is string problem)
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

    private SourcePosition PositionOf(string name, string where) =>
        where == "search_space" && file.SearchSpace?.Map.Find(name) is ConfigEntry entry ? entry.KeyPosition : SourcePosition.Unknown;

    private InputException Error(SourcePosition position, string problem) => new(position.Describe(file.Path, problem));
}
