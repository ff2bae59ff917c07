namespace Nomadic.AI.Rag;

/// <summary>
/// Reads a <see cref="RagConfiguration"/> from an experiment run's parameters. Every parameter is optional; one that
/// does not apply (<c>chunk_size</c> with sentence chunking) is ignored.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>chunking</c></term><description><c>fixed</c> (default), <c>sentence</c> or <c>paragraph</c></description></item>
/// <item><term><c>chunk_size</c>, <c>chunk_overlap</c>, <c>chunk_unit</c></term><description>fixed chunks: size (200), overlap (0), <c>words</c> (default) or <c>characters</c></description></item>
/// <item><term><c>sentence_window</c>, <c>sentence_overlap</c></term><description>sentence chunks: sentences per chunk (3), shared sentences (0)</description></item>
/// <item><term><c>retriever</c></term><description><c>bm25</c> (default), <c>embedding</c> or <c>hybrid</c></description></item>
/// <item><term><c>bm25_k1</c>, <c>bm25_b</c></term><description>BM25 constants (1.2, 0.75)</description></item>
/// <item><term><c>hybrid_alpha</c>, <c>fusion</c>, <c>hybrid_candidates</c></term><description>dense weight (0.5), <c>score</c> (default) or <c>rrf</c>, candidates per retriever (50)</description></item>
/// <item><term><c>top_k</c></term><description>chunks per query (5)</description></item>
/// <item><term><c>rerank</c>, <c>rerank_candidates</c>, <c>mmr_lambda</c></term><description><c>none</c> (default), <c>semantic</c> or <c>mmr</c>; candidates reranked (20); MMR's λ (0.7)</description></item>
/// </list>
/// Each value must pass its rule in <see cref="RagParameterRules"/>, which a check before the runs applies too.
/// A <see cref="RagObjective"/> that generates answers also reads <see cref="Generation"/> and its templates' placeholders.
/// </remarks>
public static class RagParameters
{
    private static readonly string[] Names =
    [
        "chunking", "chunk_size", "chunk_overlap", "chunk_unit", "sentence_window", "sentence_overlap", "retriever",
        "bm25_k1", "bm25_b", "hybrid_alpha", "fusion", "hybrid_candidates", "top_k", "rerank", "rerank_candidates", "mmr_lambda",
    ];

    /// <summary>Gets the names of the parameters a retrieval pipeline reads.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>
    /// Gets the names of the parameters the generation stage reads (as an <see cref="LlmObjective"/> does): <c>model</c>,
    /// <c>temperature</c>, <c>max_tokens</c>, <c>top_p</c>, <c>prompt_variant</c> and <c>few_shot_count</c>.
    /// </summary>
    public static IReadOnlyList<string> Generation => LlmParameterRules.Names;

    /// <summary>Reads a configuration.</summary>
    /// <param name="parameters">The run's parameters; names outside <see cref="All"/> are an error.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentException">A parameter is unknown, of the wrong type or out of range; the message names it.</exception>
    public static RagConfiguration Read(IReadOnlyDictionary<string, object?> parameters) => Read(parameters, []);

    /// <summary>Reads a configuration from parameters that other stages read too.</summary>
    /// <param name="parameters">The run's parameters; names outside <see cref="All"/> and <paramref name="readElsewhere"/> are an error.</param>
    /// <param name="readElsewhere">The names another stage reads (the generation's parameters and placeholders); skipped here.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentException">A parameter is unknown, of the wrong type or out of range; the message names it.</exception>
    public static RagConfiguration Read(IReadOnlyDictionary<string, object?> parameters, IReadOnlyCollection<string> readElsewhere)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(readElsewhere);
        if (parameters.Keys.FirstOrDefault(k => !Names.Contains(k, StringComparer.Ordinal) && !readElsewhere.Contains(k, StringComparer.Ordinal)) is string unknown)
        {
            throw new ArgumentException($"Unknown retrieval parameter \"{unknown}\"; known: {string.Join(", ", Names.Concat(readElsewhere))}.", nameof(parameters));
        }

        var reader = new Reader(parameters);
        try
        {
            return new RagConfiguration
            {
                Chunker = Chunker(reader),
                Retriever = reader.Choice("retriever", "bm25") switch
                {
                    "embedding" => RetrieverKind.Embedding,
                    "hybrid" => RetrieverKind.Hybrid,
                    _ => RetrieverKind.Bm25,
                },
                Bm25 = Checked(new Bm25Options { K1 = reader.Number("bm25_k1", 1.2), B = reader.Number("bm25_b", 0.75) }, o => o.Validate()),
                Hybrid = Checked(
                    new HybridOptions
                    {
                        Alpha = reader.Number("hybrid_alpha", 0.5),
                        Fusion = reader.Choice("fusion", "score") == "rrf" ? FusionMethod.ReciprocalRank : FusionMethod.Score,
                        Candidates = reader.Integer("hybrid_candidates", 50),
                    },
                    o => o.Validate()),
                TopK = reader.Integer("top_k", 5),
                Reranker = reader.Choice("rerank", "none") switch
                {
                    "semantic" => new SemanticReranker(),
                    "mmr" => new MmrReranker(reader.Number("mmr_lambda", 0.7)),
                    _ => null,
                },
                RerankCandidates = reader.Integer("rerank_candidates", 20),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"Retrieval parameter out of range: {e.Message.Split(" (Parameter", 2)[0]}", nameof(parameters), e);
        }
    }

    private static IChunker Chunker(Reader reader) => reader.Choice("chunking", "fixed") switch
    {
        "sentence" => new SentenceWindowChunker(reader.Integer("sentence_window", 3), reader.Integer("sentence_overlap", 0)),
        "paragraph" => new ParagraphChunker(),
        _ => new FixedSizeChunker(
            reader.Integer("chunk_size", 200),
            reader.Integer("chunk_overlap", 0),
            reader.Choice("chunk_unit", "words") == "characters" ? ChunkUnit.Characters : ChunkUnit.Words),
    };

    private static T Checked<T>(T options, Action<T> validate)
    {
        validate(options);
        return options;
    }

    private sealed class Reader(IReadOnlyDictionary<string, object?> parameters)
    {
        public string Choice(string name, string fallback) => Value(name) is object value ? (string)value : fallback;

        public double Number(string name, double fallback) =>
            Value(name) is object value ? ParameterRule.AsNumber(value)!.Value : fallback;

        public int Integer(string name, int fallback) => (int)Number(name, fallback);

        // The value when present, after the parameter's rule (RagParameterRules) accepted it.
        private object? Value(string name)
        {
            if (!parameters.TryGetValue(name, out object? value) || value is null)
            {
                return null;
            }

            return RagParameterRules.Check(name, value) is ParameterProblem problem
                ? throw new ArgumentException($"Retrieval parameter \"{name}\": {problem.Message}.")
                : value;
        }
    }
}
