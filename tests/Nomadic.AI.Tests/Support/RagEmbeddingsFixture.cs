using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Support;

/// <summary>One MiniLM model for a test class: loading it takes about a second.</summary>
public sealed class RagEmbeddingsFixture : IDisposable
{
    public RagEmbeddings Embeddings { get; } = new();

    public void Dispose() => Embeddings.Dispose();
}
