using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Nomadic.AI.Models;

namespace Nomadic.AI.Tests.Models;

public class MiniLmEmbeddingGeneratorTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public async Task GenerateAsync_Texts_UnitVectorsOf384InOrder()
    {
        GeneratedEmbeddings<Embedding<float>> embeddings = await fixture.Generator.GenerateAsync(["A cat sleeps on the sofa.", "Interest rates rose again.", "A kitten naps on the couch."]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length));
        Assert.All(embeddings, e => Assert.Equal(1.0, TensorPrimitives.Norm(e.Vector.Span), 3));
        float similar = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[2].Vector.Span);
        float unrelated = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        Assert.True(similar > unrelated + 0.3f, $"similar {similar}, unrelated {unrelated}");
    }

    [Fact]
    public async Task GenerateAsync_BatchesAndCache_GiveTheSameVectorsAsOneByOne()
    {
        string[] texts = ["alpha beta", "gamma delta", "epsilon", "zeta eta theta", "iota"];
        using var fresh = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { BatchSize = 2 });

        GeneratedEmbeddings<Embedding<float>> batched = await fresh.GenerateAsync(texts);
        GeneratedEmbeddings<Embedding<float>> single = await fixture.Generator.GenerateAsync([texts[3]]);

        Assert.Equal(5, fresh.CachedCount);
        Assert.Equal(single[0].Vector.ToArray(), batched[3].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-4);
        GeneratedEmbeddings<Embedding<float>> again = await fresh.GenerateAsync([texts[0], texts[0], "new text"]);
        Assert.Equal(6, fresh.CachedCount);
        Assert.Equal(batched[0].Vector.ToArray(), again[1].Vector.ToArray());
    }

    [Fact]
    public void GetService_Metadata_NamesModelAndDimensions()
    {
        var metadata = fixture.Generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("all-MiniLM-L6-v2", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }
}
