using System.Text.RegularExpressions;

namespace Nomadic.AI.Rag;

/// <summary>
/// Splits text into sentences: a sentence ends at '.', '!' or '?' followed by white space, or at a line break that
/// ends a Markdown heading, list item or paragraph. Common abbreviations ("e.g.", "Dr.", "No.") do not end one.
/// </summary>
internal static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "st.", "no.", "ave.", "approx.",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (string line in LineBreak().Split(text))
        {
            int start = 0;
            foreach (Match end in SentenceEnd().Matches(line))
            {
                string candidate = line[start..(end.Index + 1)];
                string lastWord = candidate[(candidate.LastIndexOf(' ') + 1)..];
                if (!Abbreviations.Contains(lastWord))
                {
                    Add(sentences, candidate);
                    start = end.Index + end.Length;
                }
            }

            Add(sentences, line[start..]);
        }

        return sentences;
    }

    private static void Add(List<string> sentences, string sentence)
    {
        string trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }

    [GeneratedRegex(@"[.!?]['"")\]]*\s+")]
    private static partial Regex SentenceEnd();

    /// <summary>A blank line, or a line break before a heading or list item: boundaries even without a full stop.</summary>
    [GeneratedRegex(@"\n\s*\n|\n(?=\s*(?:#|[-*+] |\d+\. ))")]
    private static partial Regex LineBreak();
}
