using Microsoft.Extensions.AI;
using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class RagEmbeddingsTests
{
    private readonly List<string[]> _batches = [];

    [Fact]
    public async Task GenerateAsync_BatchesMissingTextsShortestFirstAndCachesThem()
    {
        using var embeddings = new RagEmbeddings(Encode, new RagEmbeddingsOptions { BatchSize = 2 });

        GeneratedEmbeddings<Embedding<float>> first = await embeddings.GenerateAsync(["ccc", "a", "bb", "a"]);
        GeneratedEmbeddings<Embedding<float>> second = await embeddings.GenerateAsync(["bb", "dddd"]);

        Assert.Equal([["a", "bb"], ["ccc"], ["dddd"]], _batches);
        Assert.Equal([3f, 1f, 2f, 1f], first.Select(e => e.Vector.Span[0]));
        Assert.Equal([2f, 4f], second.Select(e => e.Vector.Span[0]));
        Assert.Equal(4, embeddings.EncodedTexts);
        Assert.Equal(3, embeddings.ModelCalls);
    }

    [Fact]
    public async Task GenerateAsync_CacheOff_EncodesAgain()
    {
        using var embeddings = new RagEmbeddings(Encode, new RagEmbeddingsOptions { Cache = false });

        await embeddings.GenerateAsync(["x"]);
        await embeddings.GenerateAsync(["x"]);

        Assert.Equal(2, embeddings.EncodedTexts);
    }

    [Fact]
    public void Constructor_BatchSizeZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RagEmbeddings(Encode, new RagEmbeddingsOptions { BatchSize = 0 }));

    private float[][] Encode(string[] texts)
    {
        _batches.Add(texts);
        return texts.Select(t => new float[] { t.Length, 1 }).ToArray();
    }
}
