using Microsoft.Extensions.AI;

namespace Nomadic.AI.Rag;

/// <summary>Similarity of embedding vectors.</summary>
internal static class VectorMath
{
    /// <summary>The cosine of the angle between two vectors of the same length; 0 when either is zero.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    public static async Task<float[][]> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(texts, null, cancellationToken).ConfigureAwait(false);
        return embeddings.Count == texts.Count
            ? embeddings.Select(e => e.Vector.ToArray()).ToArray()
            : throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {texts.Count} texts.");
    }
}
