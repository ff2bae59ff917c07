using Nomadic.AI.Rag;
using Nomadic.AI.Tests.Support;

namespace Nomadic.AI.Tests.Rag;

public sealed class EmbeddingRetrieverTests(MiniLmFixture model) : IClassFixture<MiniLmFixture>
{
    private static readonly Chunk[] Chunks =
    [
        new("appliances", 0, "Large kitchen appliances such as fridges and freezers are collected from the kerb on request."),
        new("library", 0, "Members may borrow up to twenty books for three weeks at a time."),
        new("pools", 0, "Lane swimming sessions are held every weekday morning before nine."),
    ];

    [Fact]
    public async Task RetrieveAsync_ParaphrasedQuery_FindsTheDocumentWithoutSharedWords()
    {
        EmbeddingRetriever retriever = await EmbeddingRetriever.CreateAsync(Chunks, model.Generator, CancellationToken.None);

        IReadOnlyList<ScoredChunk> top = await retriever.RetrieveAsync("How do I get rid of my old refrigerator?", 3, CancellationToken.None);

        Assert.Equal("appliances", top[0].Chunk.DocumentId);
        Assert.True(top[0].Score > top[1].Score + 0.1, $"{top[0].Score} vs {top[1].Score}");
    }

    [Fact]
    public async Task RetrieveAsync_BM25MissesTheParaphrase_EmbeddingsDoNot()
    {
        double[] bm25 = new Bm25Retriever(Chunks).Score("Where can I swim laps early?");
        EmbeddingRetriever retriever = await EmbeddingRetriever.CreateAsync(Chunks, model.Generator, CancellationToken.None);

        IReadOnlyList<ScoredChunk> top = await retriever.RetrieveAsync("Where can I swim laps early?", 1, CancellationToken.None);

        Assert.All(bm25, s => Assert.Equal(0, s));
        Assert.Equal("pools", top[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task SemanticReranker_ReordersLexicalCandidatesByMeaning()
    {
        ScoredChunk[] candidates = [new(Chunks[1], 3), new(Chunks[2], 2), new(Chunks[0], 1)];

        IReadOnlyList<ScoredChunk> reranked = await new SemanticReranker().RerankAsync(
            new RerankContext("Which service takes away a broken freezer?", candidates, 2, model.Generator), CancellationToken.None);

        Assert.Equal(2, reranked.Count);
        Assert.Equal("appliances", reranked[0].Chunk.DocumentId);
    }
}
