using System.Globalization;

namespace Nomadic.AI.Rag;

/// <summary>
/// Splits a document into windows of consecutive sentences: <see cref="Window"/> sentences per chunk, consecutive
/// chunks sharing <see cref="Overlap"/> sentences. Headings and list items count as sentences.
/// </summary>
public sealed class SentenceWindowChunker : IChunker
{
    /// <summary>Initializes a new instance of the <see cref="SentenceWindowChunker"/> class.</summary>
    /// <param name="window">Sentences per chunk; at least 1.</param>
    /// <param name="overlap">Sentences shared by consecutive chunks; from 0 to <paramref name="window"/> − 1. The default is 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> or <paramref name="overlap"/> is out of range.</exception>
    public SentenceWindowChunker(int window, int overlap = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlap, window);
        Window = window;
        Overlap = overlap;
    }

    /// <summary>Gets the sentences per chunk.</summary>
    public int Window { get; }

    /// <summary>Gets the sentences shared by consecutive chunks.</summary>
    public int Overlap { get; }

    /// <inheritdoc/>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"sentence:{Window}:{Overlap}");

    /// <inheritdoc/>
    public IReadOnlyList<Chunk> Split(RagDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        IReadOnlyList<string> sentences = SentenceSplitter.Split(document.Text);
        var chunks = new List<Chunk>();
        for (int start = 0; start < sentences.Count; start += Window - Overlap)
        {
            chunks.Add(new Chunk(document.Id, chunks.Count, string.Join(' ', sentences.Skip(start).Take(Window))));
            if (start + Window >= sentences.Count)
            {
                break;
            }
        }

        return chunks;
    }
}
