using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>The <c>objective</c> of an experiment file: a built-in function, a command, a retrieval pipeline or an LLM (<see cref="LlmObjectiveSpec"/>).</summary>
/// <param name="Position">Where it is declared.</param>
internal abstract record ObjectiveSpec(SourcePosition Position);

/// <summary>A built-in benchmark function, by name (<c>{"builtin": "branin"}</c>).</summary>
internal sealed record BuiltinObjectiveSpec(string Name, SourcePosition Position) : ObjectiveSpec(Position);

/// <summary>A command run once per trial (<c>{"command": [...], "working_directory": ".", "env": {...}}</c>).</summary>
/// <param name="Command">The program and its arguments, with <c>{name}</c> placeholders.</param>
/// <param name="WorkingDirectory">The folder to run in, relative to the experiment file; its folder when null.</param>
/// <param name="Environment">Extra environment variables.</param>
/// <param name="Position">Where the command is declared.</param>
internal sealed record CommandObjectiveSpec(
    IReadOnlyList<string> Command,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    SourcePosition Position) : ObjectiveSpec(Position);

/// <summary>
/// A retrieval pipeline scored on a corpus and questions, optionally with a model answering from the retrieved passages
/// (<c>{"rag": {"corpus": "corpus/", "questions": "questions.jsonl", "metric": "ndcg@5", "generation": {...}}}</c>).
/// </summary>
/// <param name="Corpus">The corpus folder, relative to the experiment file.</param>
/// <param name="Questions">The questions file (JSON Lines), relative to the experiment file.</param>
/// <param name="Metric">The retrieval metric; nDCG at each run's top_k when null.</param>
/// <param name="Position">Where the objective is declared.</param>
internal sealed record RagObjectiveSpec(string Corpus, string Questions, string? Metric, SourcePosition Position) : ObjectiveSpec(Position)
{
    /// <summary>Gets the generation stage; retrieval only when null.</summary>
    public RagGenerationSpec? Generation { get; init; }
}
