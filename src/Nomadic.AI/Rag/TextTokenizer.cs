namespace Nomadic.AI.Rag;

/// <summary>
/// The tokenizer of <see cref="Bm25Retriever"/>: lower-cased runs of letters and digits, English stop words removed,
/// plurals reduced by Harman's S-stemmer ("libraries" → "library", "permits" → "permit", "buses" → "buse", "glass"
/// kept), the light stemming that helps recall without Porter's conflations.
/// </summary>
internal static class TextTokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "has", "have",
        "how", "i", "if", "in", "into", "is", "it", "its", "may", "my", "of", "on", "or", "our", "so", "than", "that",
        "the", "their", "then", "there", "these", "they", "this", "to", "was", "we", "were", "what", "when", "where",
        "which", "who", "will", "with", "you", "your",
    };

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                string word = text[start..i].ToLowerInvariant();
                if (!StopWords.Contains(word))
                {
                    tokens.Add(Stem(word));
                }

                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>Harman's S-stemmer (1991): -ies → -y, -es → -e, -s → removed, with its exceptions.</summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 3 || !word.EndsWith('s'))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal) && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("ss", StringComparison.Ordinal) ? word : word[..^1];
    }
}
