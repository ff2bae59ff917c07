using System.Text;
using System.Text.RegularExpressions;

namespace Nomadic.AI.Prompts;

/// <summary>
/// A prompt with <c>{name}</c> placeholders: <c>{query}</c>, <c>{context}</c> and <c>{examples}</c> from the item and
/// the few-shot pool, any parameter of the run (<c>{tone}</c>), and any extra field of the item.
/// </summary>
/// <remarks>
/// A placeholder is a name of letters, digits and underscores in braces; other braces (JSON in a prompt) are kept as
/// they are, and <c>{{</c> / <c>}}</c> write a literal brace around a name. Rendering with a value missing fails with
/// the name and the values at hand, so a typo shows up at the first run.
/// </remarks>
public sealed partial class PromptTemplate
{
    private readonly List<(string Text, string? Placeholder)> _parts = [];

    /// <summary>Initializes a new instance of the <see cref="PromptTemplate"/> class.</summary>
    /// <param name="text">The template text.</param>
    public PromptTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        var literal = new StringBuilder();
        int i = 0;
        foreach (Match match in Token().Matches(text))
        {
            literal.Append(text, i, match.Index - i);
            i = match.Index + match.Length;
            if (match.Groups["name"].Success)
            {
                _parts.Add((literal.ToString(), null));
                literal.Clear();
                _parts.Add((string.Empty, match.Groups["name"].Value));
            }
            else
            {
                literal.Append(match.Value[0]);
            }
        }

        literal.Append(text, i, text.Length - i);
        _parts.Add((literal.ToString(), null));
        Placeholders = _parts.Where(p => p.Placeholder is not null).Select(p => p.Placeholder!).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Gets the template text as written.</summary>
    public string Text { get; }

    /// <summary>Gets the names of the placeholders, each once, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Fills the placeholders.</summary>
    /// <param name="values">Placeholder name → text.</param>
    /// <returns>The prompt.</returns>
    /// <exception cref="ArgumentException">A placeholder has no value; the message names it and the values at hand.</exception>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var prompt = new StringBuilder(Text.Length * 2);
        foreach ((string text, string? placeholder) in _parts)
        {
            if (placeholder is null)
            {
                prompt.Append(text);
            }
            else if (values.TryGetValue(placeholder, out string? value))
            {
                prompt.Append(value);
            }
            else
            {
                string known = string.Join(", ", values.Keys.Order(StringComparer.Ordinal).Select(k => "{" + k + "}"));
                throw new ArgumentException($"The prompt template uses {{{placeholder}}}, which is unknown; the values at hand are {known}.", nameof(values));
            }
        }

        return prompt.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex(@"\{\{|\}\}|\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Token();
}
