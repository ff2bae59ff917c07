using Microsoft.Extensions.AI;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;
using Nomadic.AI.Prompts;

namespace Nomadic.AI.Rag;

/// <summary>Settings of a <see cref="RagObjective"/>: the retrieval metric, the embedding model and, optionally, the generation stage.</summary>
public sealed record RagObjectiveOptions
{
    /// <summary>Gets the default system message of the generation stage.</summary>
    public static PromptTemplate DefaultSystemPrompt { get; } =
        new("Answer the question using only the numbered context passages. Answer briefly; if the context does not contain the answer, say that you do not know.");

    /// <summary>Gets the default prompt of the generation stage: the numbered passages, a blank line and the question.</summary>
    public static PromptTemplate DefaultPrompt { get; } = new("{context}\n\nQuestion: {query}");

    /// <summary>Gets the retrieval metric: its mean over the questions is the run's score unless <see cref="Score"/> says otherwise.</summary>
    /// <value>The default value is nDCG at each run's <c>top_k</c>.</value>
    public RagMetric Metric { get; init; } = new(RagMetricKind.Ndcg);

    /// <summary>Gets the embedding model; null for a <see cref="MiniLmEmbeddingGenerator"/> created on first need and owned by the objective.</summary>
    /// <value>The default value is null.</value>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    /// <summary>
    /// Gets a chat model that answers every question from its retrieved context; null for retrieval only. With one, each
    /// run also reads <see cref="RagParameters.Generation"/> and the templates' placeholders from its parameters, and its
    /// metadata holds the answers' scores and the calls' usage.
    /// </summary>
    /// <value>The default value is null.</value>
    public IChatClient? ChatClient { get; init; }

    /// <summary>
    /// Gets the prompt sent for each question. Placeholders: <c>{context}</c> (the retrieved passages, numbered
    /// <c>[1]</c>, <c>[2]</c>... one a line, best first), <c>{query}</c> (the question), <c>{id}</c> (its id),
    /// <c>{examples}</c> (from <see cref="FewShot"/>) and any parameter of the run.
    /// </summary>
    /// <value>The default value is <see cref="DefaultPrompt"/>.</value>
    public PromptTemplate Prompt { get; init; } = DefaultPrompt;

    /// <summary>
    /// Gets named prompts to compare in place of <see cref="Prompt"/> (setting both is an error), with the same
    /// placeholders; each run takes the one its <see cref="LlmParameters.PromptVariant"/> parameter names, which is
    /// needed when there are several.
    /// </summary>
    /// <value>The default value is null: every run uses <see cref="Prompt"/>.</value>
    public PromptVariants? Prompts { get; init; }

    /// <summary>
    /// Gets the pool <c>{examples}</c> is drawn from: its first examples, as many as the run's
    /// <see cref="LlmParameters.FewShotCount"/> (0 when absent), skipping one with the same query as the question.
    /// </summary>
    /// <value>The default value is null: <c>{examples}</c> is empty and a run asking for examples fails.</value>
    public FewShotPool? FewShot { get; init; }

    /// <summary>Gets the system message template, with the same placeholders as <see cref="Prompt"/>; null for no system message.</summary>
    /// <value>The default value is <see cref="DefaultSystemPrompt"/>.</value>
    public PromptTemplate? SystemPrompt { get; init; } = DefaultSystemPrompt;

    /// <summary>
    /// Gets the evaluator scoring each answer against the question; its item has the question as <c>Query</c>, the
    /// reference answer as <c>Reference</c> and the retrieved passages as <c>Contexts</c> (for an LLM judge).
    /// </summary>
    /// <value>The default value is a <see cref="TokenF1Evaluator"/> (SQuAD's token F1).</value>
    public IEvaluator Evaluator { get; init; } = new TokenF1Evaluator();

    /// <summary>Gets how many questions of a run are sent to the chat model at the same time.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrentQuestions { get; init; } = 4;

    /// <summary>Gets how many answers (the first questions') are kept in the run's metadata as <c>example_outputs</c>.</summary>
    /// <value>The default value is 3.</value>
    public int ExampleOutputCount { get; init; } = 3;

    /// <summary>Gets the prices that turn the run's tokens into a <c>cost</c> metadata entry.</summary>
    /// <value>The default value is null: no cost.</value>
    public TokenPrices? Prices { get; init; }

    /// <summary>Gets what the run's score is the mean of: the retrieval metric or the answers' scores (which needs <see cref="ChatClient"/>).</summary>
    /// <value>The default value is <see cref="RagScore.Retrieval"/>.</value>
    public RagScore Score { get; init; } = RagScore.Retrieval;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Metric, nameof(Metric));
        ArgumentNullException.ThrowIfNull(Prompt, nameof(Prompt));
        if (Prompts is not null && !ReferenceEquals(Prompt, DefaultPrompt))
        {
            throw new ArgumentException("Give Prompt (one template) or Prompts (named variants), not both.");
        }

        ArgumentNullException.ThrowIfNull(Evaluator, nameof(Evaluator));
        if (Score == RagScore.Answer && ChatClient is null)
        {
            throw new ArgumentException("Scoring the answers needs a ChatClient to generate them.");
        }

        if (MaxConcurrentQuestions < 1)
        {
            throw new ArgumentException($"MaxConcurrentQuestions must be at least 1, got {MaxConcurrentQuestions}.");
        }

        if (ExampleOutputCount < 0)
        {
            throw new ArgumentException($"ExampleOutputCount must be 0 or more, got {ExampleOutputCount}.");
        }

        if (!Enum.IsDefined(Score))
        {
            throw new ArgumentException($"Score {Score} is not a RagScore.");
        }
    }
}
