using Nomadic.AI.Models;

namespace Nomadic.AI.Tests;

/// <summary>One MiniLM model per test class that needs it: loading it is the slow part.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    public void Dispose() => Generator.Dispose();
}
