using System.Text;

namespace Nomadic.AI.Rag;

/// <summary>Writes retrieved passages as a prompt's <c>{context}</c>: numbered <c>[1]</c>, <c>[2]</c>..., one a line, best first.</summary>
internal static class RagContextText
{
    public static string Of(IReadOnlyList<ScoredChunk> passages)
    {
        var text = new StringBuilder();
        for (int i = 0; i < passages.Count; i++)
        {
            text.Append(i == 0 ? "" : "\n").Append('[').Append(i + 1).Append("] ").Append(passages[i].Chunk.Text);
        }

        return text.ToString();
    }
}
