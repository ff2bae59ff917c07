using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Scores the meaning shared by output and reference answer: the cosine similarity of their embeddings, clipped to
/// [0, 1] (the raw cosine is in the details).
/// </summary>
/// <remarks>
/// Any embedding generator serves: a local one such as <see cref="Models.MiniLmEmbeddingGenerator"/> (which caches
/// references across runs) or a hosted one. Two embeddings are asked for per item, in one call.
/// </remarks>
public sealed class SemanticSimilarityEvaluator : IEvaluator
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;

    /// <summary>Initializes a new instance of the <see cref="SemanticSimilarityEvaluator"/> class.</summary>
    /// <param name="embeddings">The embedding generator; not disposed by the evaluator.</param>
    public SemanticSimilarityEvaluator(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _embeddings = embeddings;
    }

    /// <inheritdoc />
    /// <value>The value is <c>semantic_similarity</c>.</value>
    public string Name => "semantic_similarity";

    /// <inheritdoc />
    public async ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        string reference = References.Of(item, Name);
        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync([output, reference], cancellationToken: cancellationToken).ConfigureAwait(false);
        double cosine = Cosine(vectors[0].Vector.Span, vectors[1].Vector.Span);
        return new ItemScore(Math.Clamp(cosine, 0, 1), new Dictionary<string, object?> { ["cosine"] = cosine });
    }

    /// <summary>The cosine similarity of two vectors; 0 when either is all zeros.</summary>
    internal static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidOperationException($"The embeddings differ in length ({a.Length} and {b.Length}).");
        }

        double norms = Math.Sqrt((double)TensorPrimitives.Dot(a, a) * TensorPrimitives.Dot(b, b));
        return norms == 0 ? 0 : TensorPrimitives.Dot(a, b) / norms;
    }
}
