using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Finds the placeholders of a model's templates that no run could fill: in a prompt or the system message, one that
/// is neither the item's (<c>{query}</c>, <c>{id}</c>, <c>{context}</c>, <c>{examples}</c>, a field every item has)
/// nor a parameter; in the few-shot template, one that is neither <c>{query}</c>, <c>{reference}</c> nor a field every
/// example has.
/// </summary>
internal static class LlmPlaceholderCheck
{
    private static readonly string[] ItemValues = ["query", "id", "context", "examples"];
    private static readonly string[] ExampleValues = ["query", "reference"];

    /// <summary>Returns the placeholders of the prompts and the system message that a parameter can fill, each once.</summary>
    public static HashSet<string> ParameterNames(PromptsSpec spec) =>
        new(spec.Templates.SelectMany(t => new PromptTemplate(t.Value).Placeholders).Except(ItemValues, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Checks every template of a model's prompts.</summary>
    /// <param name="file">The experiment file, for messages.</param>
    /// <param name="spec">The prompts.</param>
    /// <param name="parameters">The parameters a run may have.</param>
    /// <param name="items">The items whose common fields are values too; none when the objective's items have no fields.</param>
    /// <param name="examples">The few-shot examples, when there is a pool.</param>
    /// <exception cref="InputException">A placeholder can never be filled.</exception>
    public static void Check(ExperimentFile file, PromptsSpec spec, IEnumerable<string> parameters, IReadOnlyList<EvaluationItem> items, IReadOnlyList<EvaluationItem>? examples)
    {
        foreach (LocatedText template in spec.Templates)
        {
            Check(file, template, ItemValues.Concat(parameters), items);
        }

        if (spec.FewShot?.Template is LocatedText exampleTemplate && examples is not null)
        {
            Check(file, exampleTemplate, ExampleValues, examples);
        }
    }

    private static void Check(ExperimentFile file, LocatedText template, IEnumerable<string> values, IReadOnlyList<EvaluationItem> items)
    {
        IEnumerable<string> fields = items.Count == 0 ? [] : items[0].Fields.Keys.Where(f => items.All(i => i.Fields.ContainsKey(f)));
        var atHand = new SortedSet<string>(values.Concat(fields), StringComparer.Ordinal);
        if (new PromptTemplate(template.Value).Placeholders.FirstOrDefault(p => !atHand.Contains(p)) is not string name)
        {
            return;
        }

        string why = items.Any(i => i.Fields.ContainsKey(name))
            ? $"item \"{items.First(i => !i.Fields.ContainsKey(name)).Id}\" has no field \"{name}\""
            : items.Count == 0 ? "it names no parameter" : "it names no parameter and no field of the items";
        string known = string.Join(", ", atHand.Select(n => "{" + n + "}"));
        throw new InputException(template.Position.Describe(file.Path, $"placeholder {{{name}}} in \"{template.Key}\" can never be filled: {why}; at hand: {known}"));
    }
}
