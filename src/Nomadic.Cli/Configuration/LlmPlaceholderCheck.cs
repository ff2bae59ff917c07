using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;

namespace Nomadic.Cli.Configuration;

/// <summary>
/// Finds the placeholders of a model's templates that no run could fill: in an llm objective's prompt or system
/// message, one that is neither the item's (<c>{query}</c>, <c>{id}</c>, <c>{context}</c>, <c>{examples}</c>, a field
/// every item has) nor a parameter; in its few-shot template, one that is neither <c>{query}</c>, <c>{reference}</c>
/// nor a field every example has; in the rag objective's templates, one that is neither the question's nor a parameter.
/// </summary>
internal static class LlmPlaceholderCheck
{
    private static readonly string[] ItemValues = ["query", "id", "context", "examples"];
    private static readonly string[] ExampleValues = ["query", "reference"];

    /// <summary>Returns the placeholders of the prompts and the system message that a parameter can fill, each once.</summary>
    public static HashSet<string> ParameterNames(LlmObjectiveSpec spec) => ParameterNames(Templates(spec), ItemValues);

    /// <summary>Returns the placeholders of the templates other than the item's own values, each once.</summary>
    public static HashSet<string> ParameterNames(IEnumerable<LocatedText> templates, IEnumerable<string> itemValues) =>
        new(templates.SelectMany(t => new PromptTemplate(t.Value).Placeholders).Except(itemValues, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Checks every template of an llm objective.</summary>
    /// <param name="file">The experiment file, for messages.</param>
    /// <param name="spec">The objective.</param>
    /// <param name="parameters">The parameters a run may have.</param>
    /// <param name="dataset">The items.</param>
    /// <param name="examples">The few-shot examples, when there is a pool.</param>
    /// <exception cref="InputException">A placeholder can never be filled.</exception>
    public static void Check(ExperimentFile file, LlmObjectiveSpec spec, IEnumerable<string> parameters, EvaluationDataset dataset, IReadOnlyList<EvaluationItem>? examples)
    {
        foreach (LocatedText template in Templates(spec))
        {
            Check(file, template, ItemValues.Concat(parameters), dataset.Items);
        }

        if (spec.FewShot?.Template is LocatedText exampleTemplate && examples is not null)
        {
            Check(file, exampleTemplate, ExampleValues, examples);
        }
    }

    /// <summary>Checks one template.</summary>
    /// <param name="file">The experiment file, for messages.</param>
    /// <param name="template">The template.</param>
    /// <param name="values">The names every render has a value for.</param>
    /// <param name="items">The items whose common fields are values too; none when the objective's items have no fields.</param>
    /// <exception cref="InputException">A placeholder can never be filled.</exception>
    public static void Check(ExperimentFile file, LocatedText template, IEnumerable<string> values, IReadOnlyList<EvaluationItem> items)
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

    private static IEnumerable<LocatedText> Templates(LlmObjectiveSpec spec) =>
        spec.Prompts.Select(p => p.Template).Concat(spec.System is LocatedText system ? [system] : []);
}
