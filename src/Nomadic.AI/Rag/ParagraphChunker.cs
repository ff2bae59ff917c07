using System.Text.RegularExpressions;

namespace Nomadic.AI.Rag;

/// <summary>
/// Splits a document at blank lines, one chunk per paragraph. A paragraph that is only a Markdown heading is joined
/// to the paragraph after it, so a heading is never a chunk of its own.
/// </summary>
public sealed partial class ParagraphChunker : IChunker
{
    /// <inheritdoc/>
    public string Key => "paragraph";

    /// <inheritdoc/>
    public IReadOnlyList<Chunk> Split(RagDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var chunks = new List<Chunk>();
        string? heading = null;
        foreach (string paragraph in BlankLine().Split(document.Text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            bool isHeading = paragraph.StartsWith('#') && !paragraph.Contains('\n', StringComparison.Ordinal);
            string text = heading is null ? paragraph : heading + "\n" + paragraph;
            if (isHeading)
            {
                heading = text;
                continue;
            }

            chunks.Add(new Chunk(document.Id, chunks.Count, text));
            heading = null;
        }

        if (heading is not null)
        {
            chunks.Add(new Chunk(document.Id, chunks.Count, heading));
        }

        return chunks;
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();
}
