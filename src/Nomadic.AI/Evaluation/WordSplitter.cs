namespace Nomadic.AI.Evaluation;

/// <summary>
/// Splits text into words exactly as Python's <c>str.split()</c> without arguments, which the SQuAD, rouge-score and
/// NLTK reference scripts the text evaluators reproduce all rely on.
/// </summary>
/// <remarks>
/// Python's whitespace (<c>str.isspace</c>) is .NET's <see cref="char.IsWhiteSpace(char)"/> plus the information
/// separators U+001C to U+001F, which .NET counts as control characters. Without them "new\u001Cyork" would be one word
/// here and two words in the reference scripts. No character outside the Basic Multilingual Plane is whitespace, so
/// surrogates never split.
/// </remarks>
internal static class WordSplitter
{
    /// <summary>Whether Python's <c>str.isspace</c> holds for <paramref name="c"/>.</summary>
    public static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    /// <summary>The words of <paramref name="text"/>: its maximal runs of characters other than whitespace, in order.</summary>
    public static string[] Split(string text)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsWhiteSpace(text[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        if (start >= 0)
        {
            words.Add(text[start..]);
        }

        return [.. words];
    }
}
