using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Reads the prompt keys of an object that asks a model (<c>objective.llm</c>, <c>objective.rag.generation</c>):
/// <c>prompt</c> or <c>prompts</c>, <c>system</c> and <c>few_shot</c>, each checked for its type.
/// </summary>
internal static class PromptsSpecReader
{
    /// <summary>The keys read here.</summary>
    public static readonly string[] Keys = ["prompt", "prompts", "system", "few_shot"];

    /// <summary>Reads the prompts of an object.</summary>
    /// <param name="section">The object.</param>
    /// <param name="required">Whether a <c>prompt</c> or <c>prompts</c> is needed; without one, the prompts are the objective's default.</param>
    /// <returns>The prompts.</returns>
    /// <exception cref="InputException">A key is missing, of the wrong type, or both <c>prompt</c> and <c>prompts</c> are given.</exception>
    public static PromptsSpec Read(ConfigSection section, bool required) => new(section.Path, section.Map.Position)
    {
        Variants = Variants(section, required),
        HasVariants = section.Has("prompts"),
        System = section.Text("system"),
        FewShot = FewShot(section),
    };

    private static List<PromptSpec> Variants(ConfigSection section, bool required)
    {
        if (section.Has("prompt") && section.Has("prompts"))
        {
            throw section.Error(section.Map.Find("prompts")!.KeyPosition, $"\"{section.Path}\" takes \"prompt\" (one template) or \"prompts\" (named variants), not both");
        }

        if (section.Text("prompt") is LocatedText prompt)
        {
            return [new PromptSpec("default", prompt)];
        }

        if (section.Section("prompts") is not ConfigSection variants)
        {
            return required
                ? throw section.Missing("prompt", "the prompt template (or \"prompts\", named variants), e.g. \"Answer briefly.\\n{context}\\nQuestion: {query}\"")
                : [];
        }

        if (variants.Map.Entries.Count == 0)
        {
            throw variants.Error(variants.Map.Position, $"\"{variants.Path}\" names no variant");
        }

        return variants.Map.Entries.Select(e => new PromptSpec(e.Key, variants.Text(e.Key)!)).ToList();
    }

    private static FewShotSpec? FewShot(ConfigSection section)
    {
        if (section.Section("few_shot") is not ConfigSection fewShot)
        {
            return null;
        }

        fewShot.RejectUnknownKeys("file", "template");
        LocatedText file = fewShot.Text("file") ?? throw fewShot.Missing("file", "a JSON, JSON Lines or CSV file of examples with queries and reference answers");
        return new FewShotSpec(file, fewShot.Text("template"));
    }
}
