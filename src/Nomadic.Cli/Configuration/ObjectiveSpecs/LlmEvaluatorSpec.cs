using Nomadic.AI.Evaluation;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>The <c>evaluator</c> of an LLM objective: how each output is scored.</summary>
/// <param name="Position">Where it is declared.</param>
internal abstract record LlmEvaluatorSpec(SourcePosition Position)
{
    /// <summary>Gets the evaluator as the run summary names it, e.g. <c>token_f1</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Gets the names of the evaluators used that compare outputs with the items' reference answers.</summary>
    public abstract IEnumerable<string> ReferenceBased { get; }
}

/// <summary>An evaluator of the <see cref="EvaluatorCatalog"/> by its name (<c>token_f1</c>), an alias already resolved.</summary>
internal sealed record NamedEvaluatorSpec(string Name, SourcePosition Position) : LlmEvaluatorSpec(Position)
{
    /// <summary>The evaluators a file names.</summary>
    public static readonly EvaluatorCatalog Catalog = EvaluatorCatalog.CreateDefault();

    public override string Description => Name;

    public override IEnumerable<string> ReferenceBased => [Name];
}

/// <summary>A weighted mean of named evaluators (<c>{"weighted": {"token_f1": 0.5, "semantic": 0.5}}</c>).</summary>
internal sealed record WeightedEvaluatorSpec(IReadOnlyList<(NamedEvaluatorSpec Evaluator, double Weight)> Components, SourcePosition Position)
    : LlmEvaluatorSpec(Position)
{
    public override string Description => "weighted " + string.Join(" + ", Components.Select(c => $"{ParamText.Invariant(c.Weight)} {c.Evaluator.Name}"));

    public override IEnumerable<string> ReferenceBased => Components.Select(c => c.Evaluator.Name);
}

/// <summary>
/// An LLM judge scoring weighted criteria (<c>{"judge": {"criteria": {"accuracy": 0.7}, "model": ..., "endpoint": ...}}</c>);
/// its endpoint, model and key default to the objective's.
/// </summary>
internal sealed record JudgeEvaluatorSpec(IReadOnlyDictionary<string, double> Criteria, SourcePosition Position) : LlmEvaluatorSpec(Position)
{
    /// <summary>Gets the dotted path of the criteria, for messages (<c>objective.llm.evaluator.judge.criteria</c>).</summary>
    public required string CriteriaKey { get; init; }

    /// <summary>Gets the judge's endpoint; the objective's when null.</summary>
    public LocatedText? Endpoint { get; init; }

    /// <summary>Gets the judge's model; the objective's when null.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the judge's API key variable; the objective's when null and the judge uses the objective's endpoint.</summary>
    public LocatedText? ApiKeyVariable { get; init; }

    public override string Description => "judge (" + string.Join(", ", Criteria.Keys) + ")" + (Model is null ? "" : " by " + Model);

    public override IEnumerable<string> ReferenceBased => [];
}
