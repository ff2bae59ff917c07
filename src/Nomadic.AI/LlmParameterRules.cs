using System.Globalization;
using Nomadic.Tuning;

namespace Nomadic.AI;

/// <summary>
/// What each parameter a stage asking a chat model reads (<see cref="LlmParameters"/>) accepts; the one rule for the run
/// and for a check of an experiment before it runs.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>model</c></term><description>non-empty text</description></item>
/// <item><term><c>temperature</c></term><description>a number of 0 or more</description></item>
/// <item><term><c>top_p</c></term><description>a number between 0 and 1</description></item>
/// <item><term><c>max_tokens</c></term><description>a whole number of 1 or more (an endpoint rejects 0)</description></item>
/// <item><term><c>prompt_variant</c></term><description>the name of a prompt variant</description></item>
/// <item><term><c>few_shot_count</c></term><description>a whole number of 0 or more, at most the examples each item can get</description></item>
/// </list>
/// Numbers must be numbers: the text <c>"0.7"</c> is not a temperature. Other names are not checked here.
/// </remarks>
public sealed class LlmParameterRules
{
    private static readonly string[] AllNames =
    [
        LlmParameters.Model, LlmParameters.Temperature, LlmParameters.MaxTokens, LlmParameters.TopP, LlmParameters.PromptVariant, LlmParameters.FewShotCount,
    ];

    private readonly Dictionary<string, ParameterRule> _rules;
    private readonly int? _fewShotExamples;

    /// <summary>Initializes rules that know nothing of the prompts: any non-empty variant name, any number of examples.</summary>
    public LlmParameterRules()
        : this(null, null)
    {
    }

    /// <summary>Initializes rules for given prompts.</summary>
    /// <param name="promptVariants">The names <c>prompt_variant</c> chooses among; null for any non-empty name.</param>
    /// <param name="fewShotExamples">How many few-shot examples every item can get; null for no limit.</param>
    public LlmParameterRules(IReadOnlyList<string>? promptVariants, int? fewShotExamples)
    {
        _fewShotExamples = fewShotExamples;
        _rules = new(StringComparer.Ordinal)
        {
            [LlmParameters.Model] = ParameterRule.Text("a model name"),
            [LlmParameters.Temperature] = ParameterRule.Number(0),
            [LlmParameters.TopP] = ParameterRule.Number(0, 1),
            [LlmParameters.MaxTokens] = ParameterRule.Whole(1),
            [LlmParameters.PromptVariant] = promptVariants is null ? ParameterRule.Text("a prompt variant name") : ParameterRule.OneOf("one of the prompt variants ", promptVariants),
            [LlmParameters.FewShotCount] = ParameterRule.Whole(0),
        };
    }

    /// <summary>Gets the names these rules check: <c>model</c>, <c>temperature</c>, <c>max_tokens</c>, <c>top_p</c>, <c>prompt_variant</c> and <c>few_shot_count</c>.</summary>
    public static IReadOnlyList<string> Names => AllNames;

    /// <summary>Checks one value.</summary>
    /// <param name="name">The parameter; a name outside <see cref="Names"/> has no problem.</param>
    /// <param name="value">The value; null means absent and has no problem.</param>
    /// <returns>The problem, or null when the value is usable.</returns>
    public ParameterProblem? Check(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_rules.TryGetValue(name, out ParameterRule? rule))
        {
            return null;
        }

        string? message = rule.Problem(value) ?? TooManyExamples(name, value);
        return message is null ? null : new ParameterProblem(name, message);
    }

    /// <summary>Checks every value a search-space domain can give.</summary>
    /// <param name="name">The parameter; a name outside <see cref="Names"/> has no problem.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>The problem, or null when every value the domain gives is usable.</returns>
    public ParameterProblem? Check(string name, Domain domain)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(domain);
        if (!_rules.TryGetValue(name, out ParameterRule? rule))
        {
            return null;
        }

        IEnumerable<object?> extremes = domain switch
        {
            ChoiceDomain choice => choice.Values,
            IntDomain range => [range.MaxValue],
            _ => [],
        };
        string? message = rule.Problem(domain) ?? extremes.Select(v => TooManyExamples(name, v)).FirstOrDefault(p => p is not null);
        return message is null ? null : new ParameterProblem(name, message);
    }

    /// <summary>Checks the values of a run's parameters, in their order.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The first problem, or null.</returns>
    public ParameterProblem? Check(IReadOnlyDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Select(p => Check(p.Key, p.Value)).FirstOrDefault(p => p is not null);
    }

    private string? TooManyExamples(string name, object? value) =>
        name == LlmParameters.FewShotCount && _fewShotExamples is int examples && value is not null && ParameterRule.AsNumber(value) > examples
            ? string.Create(CultureInfo.InvariantCulture, $"{value} is more than the {examples} examples of the few-shot pool each item can get")
            : null;
}
