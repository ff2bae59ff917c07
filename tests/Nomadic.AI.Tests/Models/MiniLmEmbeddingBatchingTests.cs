using Microsoft.Extensions.AI;
using Nomadic.AI.Models;

namespace Nomadic.AI.Tests.Models;

/// <summary>Batching, caching and counting, with a stand-in encoder so the order of batches can be seen.</summary>
public sealed class MiniLmEmbeddingBatchingTests
{
    private readonly List<string[]> _batches = [];

    [Fact]
    public async Task GenerateAsync_BatchesMissingTextsShortestFirstAndCachesThem()
    {
        using var embeddings = new MiniLmEmbeddingGenerator(Encode, new MiniLmEmbeddingOptions { BatchSize = 2 });

        GeneratedEmbeddings<Embedding<float>> first = await embeddings.GenerateAsync(["ccc", "a", "bb", "a"]);
        GeneratedEmbeddings<Embedding<float>> second = await embeddings.GenerateAsync(["bb", "dddd"]);

        Assert.Equal([["a", "bb"], ["ccc"], ["dddd"]], _batches);
        Assert.Equal([3f, 1f, 2f, 1f], first.Select(e => e.Vector.Span[0]));
        Assert.Equal([2f, 4f], second.Select(e => e.Vector.Span[0]));
        Assert.Equal(4, embeddings.EncodedTexts);
        Assert.Equal(3, embeddings.ModelCalls);
        Assert.Equal(4, embeddings.CachedCount);
    }

    [Fact]
    public async Task GenerateAsync_CacheOff_EncodesAgain()
    {
        using var embeddings = new MiniLmEmbeddingGenerator(Encode, new MiniLmEmbeddingOptions { Cache = false });

        await embeddings.GenerateAsync(["x"]);
        await embeddings.GenerateAsync(["x"]);

        Assert.Equal(2, embeddings.EncodedTexts);
        Assert.Equal(0, embeddings.CachedCount);
    }

    [Fact]
    public async Task ClearCache_ThenSameText_EncodesAgain()
    {
        using var embeddings = new MiniLmEmbeddingGenerator(Encode, new MiniLmEmbeddingOptions());
        await embeddings.GenerateAsync(["x", "y"]);

        embeddings.ClearCache();
        await embeddings.GenerateAsync(["x"]);

        Assert.Equal(3, embeddings.EncodedTexts);
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentCallersOfTheSameTexts_EncodeEachTextOnce()
    {
        using var embeddings = new MiniLmEmbeddingGenerator(texts => { Thread.Sleep(5); return Encode(texts); }, new MiniLmEmbeddingOptions { BatchSize = 4 });
        string[] texts = [.. Enumerable.Range(0, 40).Select(i => new string('w', i + 1))];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => embeddings.GenerateAsync(texts))));

        Assert.Equal(40, embeddings.EncodedTexts);
    }

    [Fact]
    public void Constructor_BatchSizeZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { BatchSize = 0 }));

    [Fact]
    public async Task GenerateAsync_AfterDispose_Throws()
    {
        var embeddings = new MiniLmEmbeddingGenerator(Encode, new MiniLmEmbeddingOptions());
        embeddings.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => embeddings.GenerateAsync(["x"]));
    }

    private float[][] Encode(string[] texts)
    {
        lock (_batches)
        {
            _batches.Add(texts);
        }

        return [.. texts.Select(t => new float[] { t.Length, 1 })];
    }
}
