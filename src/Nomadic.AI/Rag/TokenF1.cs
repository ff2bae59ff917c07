namespace Nomadic.AI.Rag;

/// <summary>SQuAD's token F1 between an answer and a reference: lower-cased words, multiset overlap.</summary>
internal static class TokenF1
{
    public static double Score(string answer, string reference)
    {
        string[] a = Words(answer);
        string[] r = Words(reference);
        if (a.Length == 0 || r.Length == 0)
        {
            return a.Length == r.Length ? 1 : 0;
        }

        var counts = r.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int common = 0;
        foreach (string word in a)
        {
            if (counts.TryGetValue(word, out int left) && left > 0)
            {
                counts[word] = left - 1;
                common++;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        double precision = (double)common / a.Length;
        double recall = (double)common / r.Length;
        return 2 * precision * recall / (precision + recall);
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split(c => !char.IsLetterOrDigit(c));

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var words = new List<string>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separator(text[i]))
            {
                if (i > start)
                {
                    words.Add(text[start..i]);
                }

                start = i + 1;
            }
        }

        return [.. words];
    }
}
