using Microsoft.Extensions.AI;

namespace Nomadic.AI.Tests.Support;

/// <summary>A fast deterministic embedding model (hashed bag of words) that records the size of every call.</summary>
internal sealed class CountingEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly List<int> _calls = [];

    public IReadOnlyList<int> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        string[] texts = values.ToArray();
        lock (_calls)
        {
            _calls.Add(texts.Length);
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Vector(t)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static float[] Vector(string text)
    {
        float[] vector = new float[64];
        foreach (string word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((uint)StringComparer.Ordinal.GetHashCode(word) % 64)] += 1;
        }

        return vector;
    }
}
