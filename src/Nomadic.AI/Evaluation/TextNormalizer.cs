using System.Text;
using System.Text.RegularExpressions;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Normalizes answers and splits text into tokens, as the SQuAD and ROUGE reference scripts do; words are always split
/// by <see cref="WordSplitter"/>, on Python's whitespace.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>
    /// SQuAD's <c>normalize_answer</c>: lower case, ASCII punctuation removed, the articles a, an and the removed,
    /// whitespace collapsed.
    /// </summary>
    public static string NormalizeAnswer(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
        {
            if (!IsAsciiPunctuation(c))
            {
                builder.Append(c);
            }
        }

        string withoutArticles = Articles().Replace(builder.ToString(), " ");
        return string.Join(' ', WordSplitter.Split(withoutArticles));
    }

    /// <summary>SQuAD's tokens: the normalized answer split on whitespace.</summary>
    public static string[] AnswerTokens(string text) =>
        NormalizeAnswer(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>rouge-score's tokens: lower case, every run of characters other than a-z and 0-9 replaced by a space, then split.</summary>
    public static string[] RougeTokens(string text) =>
        WordSplitter.Split(NonAlphanumeric().Replace(text.ToLowerInvariant(), " "));

    /// <summary>Word and punctuation tokens (a simplified NLTK word tokenizer) of each word, optionally lower-cased.</summary>
    public static string[] WordTokens(string text, bool lowercase) =>
        WordSplitter.Split(lowercase ? text.ToLowerInvariant() : text)
            .SelectMany(word => WordOrPunctuation().Matches(word).Select(m => m.Value))
            .ToArray();

    // Python's string.punctuation.
    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    [GeneratedRegex(@"\b(a|an|the)\b")]
    private static partial Regex Articles();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex(@"\w+|\W")]
    private static partial Regex WordOrPunctuation();
}
