using Nomadic.AI.Datasets;

namespace Nomadic.AI.Prompts;

/// <summary>
/// Worked examples to put in a prompt's <c>{examples}</c>: the first <c>n</c> of the pool, in order, so a run with the
/// same count always sees the same examples (the few-shot count is then an ordinary integer parameter).
/// </summary>
/// <remarks>
/// Keep the pool apart from the evaluation dataset; an example whose query equals the item's is skipped all the same,
/// so an item never sees its own answer.
/// </remarks>
public sealed class FewShotPool
{
    private readonly PromptTemplate _format;

    /// <summary>Initializes a new instance of the <see cref="FewShotPool"/> class.</summary>
    /// <param name="examples">The examples, each with a query and a reference answer, in the order they are used.</param>
    /// <param name="exampleTemplate">How one example is written; <c>{query}</c>, <c>{reference}</c> and the example's fields are at hand.</param>
    /// <param name="separator">What goes between two examples.</param>
    /// <exception cref="ArgumentException">An example has no reference answer.</exception>
    public FewShotPool(IReadOnlyList<EvaluationItem> examples, string exampleTemplate = "Question: {query}\nAnswer: {reference}", string separator = "\n\n")
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(separator);
        if (examples.FirstOrDefault(e => e.Reference is null) is { } bare)
        {
            throw new ArgumentException($"The few-shot example \"{bare.Id}\" has no reference answer.", nameof(examples));
        }

        Examples = [.. examples];
        _format = new PromptTemplate(exampleTemplate);
        Separator = separator;
    }

    /// <summary>Gets the examples, in the order they are used.</summary>
    public IReadOnlyList<EvaluationItem> Examples { get; }

    /// <summary>Gets what goes between two examples.</summary>
    /// <value>The default value is a blank line.</value>
    public string Separator { get; }

    /// <summary>Writes the first <paramref name="count"/> examples, skipping one with the same query as <paramref name="item"/>.</summary>
    /// <param name="count">How many examples, 0 or more.</param>
    /// <param name="item">The item the prompt is for, if any.</param>
    /// <returns>The examples' text; empty for 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The pool has fewer usable examples than <paramref name="count"/>.</exception>
    public string Render(int count, EvaluationItem? item = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EvaluationItem[] chosen = Examples.Where(e => item is null || !string.Equals(e.Query, item.Query, StringComparison.Ordinal)).Take(count).ToArray();
        if (chosen.Length < count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The few-shot pool has {chosen.Length} usable examples, fewer than the {count} asked for.");
        }

        return string.Join(Separator, chosen.Select(e =>
        {
            var values = new Dictionary<string, string>(e.Fields, StringComparer.Ordinal) { ["query"] = e.Query, ["reference"] = e.Reference! };
            return _format.Render(values);
        }));
    }
}
