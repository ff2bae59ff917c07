using System.Globalization;

namespace Nomadic.AI.Rag;

/// <summary>
/// Splits a document into windows of a fixed number of words or characters, consecutive windows sharing
/// <see cref="Overlap"/> units; the last window may be shorter.
/// </summary>
public sealed class FixedSizeChunker : IChunker
{
    /// <summary>Initializes a new instance of the <see cref="FixedSizeChunker"/> class.</summary>
    /// <param name="size">Units per chunk; at least 1.</param>
    /// <param name="overlap">Units shared by consecutive chunks; from 0 to <paramref name="size"/> − 1.</param>
    /// <param name="unit">What is counted. The default is <see cref="ChunkUnit.Words"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> or <paramref name="overlap"/> is out of range.</exception>
    public FixedSizeChunker(int size, int overlap = 0, ChunkUnit unit = ChunkUnit.Words)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlap, size);
        Size = size;
        Overlap = overlap;
        Unit = unit;
    }

    /// <summary>Gets the units per chunk.</summary>
    public int Size { get; }

    /// <summary>Gets the units shared by consecutive chunks.</summary>
    public int Overlap { get; }

    /// <summary>Gets what is counted.</summary>
    public ChunkUnit Unit { get; }

    /// <inheritdoc/>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"fixed:{Unit}:{Size}:{Overlap}");

    /// <inheritdoc/>
    public IReadOnlyList<Chunk> Split(RagDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        IEnumerable<string> texts = Unit == ChunkUnit.Words ? SplitWords(document.Text) : SplitCharacters(document.Text);
        return texts.Select((text, i) => new Chunk(document.Id, i, text)).ToList();
    }

    private IEnumerable<string> SplitWords(string text)
    {
        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (int start = 0; start < words.Length; start += Size - Overlap)
        {
            yield return string.Join(' ', words, start, Math.Min(Size, words.Length - start));
            if (start + Size >= words.Length)
            {
                yield break;
            }
        }
    }

    private IEnumerable<string> SplitCharacters(string text)
    {
        int start = SkipWhiteSpace(text, 0);
        while (start < text.Length)
        {
            int end = Math.Min(start + Size, text.Length);
            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                int space = text.LastIndexOfAny([' ', '\n', '\t', '\r'], end - 1, end - start);
                end = space > start ? space : end;
            }

            yield return text[start..end].Trim();
            if (end >= text.Length)
            {
                yield break;
            }

            start = SkipWhiteSpace(text, Math.Max(start + 1, end - Overlap));
        }
    }

    private static int SkipWhiteSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
