using Nomadic.Tuning;

namespace Nomadic.AI.Prompts;

/// <summary>
/// Named prompt templates to compare, tuned as a categorical parameter (<c>prompt_variant</c> by default) whose values
/// are the names.
/// </summary>
/// <example>
/// <code>
/// var prompts = new PromptVariants(new Dictionary&lt;string, string&gt;
/// {
///     ["terse"] = "Answer in a few words: {query}",
///     ["grounded"] = "Use only this context:\n{context}\n\nQuestion: {query}\nAnswer:",
/// });
/// var space = new SearchSpace { ["prompt_variant"] = prompts.ToDomain(), ["temperature"] = Tune.Uniform(0, 1) };
/// </code>
/// </example>
public sealed class PromptVariants
{
    private readonly Dictionary<string, PromptTemplate> _templates;

    /// <summary>Initializes a new instance of the <see cref="PromptVariants"/> class.</summary>
    /// <param name="templates">Variant name → template text.</param>
    /// <exception cref="ArgumentException">No variants, or a blank name.</exception>
    public PromptVariants(IReadOnlyDictionary<string, string> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        if (templates.Count == 0)
        {
            throw new ArgumentException("Give at least one prompt variant.", nameof(templates));
        }

        if (templates.Keys.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            throw new ArgumentException("Prompt variant names must not be blank.", nameof(templates));
        }

        _templates = templates.ToDictionary(t => t.Key, t => new PromptTemplate(t.Value), StringComparer.Ordinal);
        Names = [.. templates.Keys];
    }

    /// <summary>Gets the variants' names, in the order given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets the template of a variant.</summary>
    /// <param name="name">The variant's name.</param>
    /// <returns>The template.</returns>
    /// <exception cref="ArgumentException">No variant has that name.</exception>
    public PromptTemplate this[string name] => _templates.TryGetValue(name, out PromptTemplate? template)
        ? template
        : throw new ArgumentException($"There is no prompt variant \"{name}\"; the variants are {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Creates a single variant, for an objective that does not compare prompts.</summary>
    /// <param name="template">The template text.</param>
    /// <returns>The variants, with one named <c>default</c>.</returns>
    public static PromptVariants Of(string template) => new(new Dictionary<string, string> { ["default"] = template });

    /// <summary>Returns the categorical domain of the variants' names, for a search space.</summary>
    /// <returns>The domain.</returns>
    public ChoiceDomain ToDomain() => Tune.Choice<string>(Names);
}
