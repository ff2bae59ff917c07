using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class RagParametersTests
{
    [Fact]
    public void Read_NoParameters_GivesTheDefaults()
    {
        RagConfiguration configuration = RagParameters.Read(new Dictionary<string, object?>());

        Assert.Equal(new FixedSizeChunker(200).Key, configuration.Chunker.Key);
        Assert.Equal(RetrieverKind.Bm25, configuration.Retriever);
        Assert.Equal(5, configuration.TopK);
        Assert.Null(configuration.Reranker);
        Assert.False(configuration.NeedsEmbeddings);
    }

    [Fact]
    public void Read_FullConfiguration_BuildsEachPart()
    {
        RagConfiguration configuration = RagParameters.Read(new Dictionary<string, object?>
        {
            ["chunking"] = "sentence", ["sentence_window"] = 2L, ["retriever"] = "hybrid", ["hybrid_alpha"] = 0.3,
            ["fusion"] = "rrf", ["top_k"] = 8, ["rerank"] = "mmr", ["mmr_lambda"] = 0.5, ["chunk_size"] = 40,
        });

        Assert.Equal("sentence:2:0", configuration.Chunker.Key);
        Assert.Equal(RetrieverKind.Hybrid, configuration.Retriever);
        Assert.Equal(new HybridOptions { Alpha = 0.3, Fusion = FusionMethod.ReciprocalRank }, configuration.Hybrid);
        Assert.Equal(0.5, Assert.IsType<MmrReranker>(configuration.Reranker).Lambda);
        Assert.Equal(8, configuration.TopK);
    }

    [Theory]
    [InlineData("chunk_sizes", 10, "Unknown retrieval parameter \"chunk_sizes\"")]
    [InlineData("retriever", "dense", "\"retriever\": \"dense\" is not one of bm25, embedding, hybrid")]
    [InlineData("top_k", 2.5, "\"top_k\": 2.5 is not a whole number of 1 or more")]
    [InlineData("chunk_overlap", 300, "out of range")]
    public void Read_BadParameter_ThrowsNamingIt(string name, object value, string message)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => RagParameters.Read(new Dictionary<string, object?> { [name] = value }));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamesReadElsewhere_AreSkipped()
    {
        var parameters = new Dictionary<string, object?> { ["top_k"] = 3, ["temperature"] = 0.2, ["style"] = "terse" };

        RagConfiguration configuration = RagParameters.Read(parameters, [.. RagParameters.Generation, "style"]);

        Assert.Equal(3, configuration.TopK);
        Assert.Equal(["model", "temperature", "max_tokens", "top_p", "prompt_variant", "few_shot_count"], RagParameters.Generation);
    }

    [Fact]
    public void Read_UnknownBesidesNamesReadElsewhere_ListsBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => RagParameters.Read(new Dictionary<string, object?> { ["tone"] = "dry" }, ["style"]));

        Assert.Contains("Unknown retrieval parameter \"tone\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("mmr_lambda, style.", error.Message, StringComparison.Ordinal);
    }
}
