namespace Nomadic.Cli.Configuration;

/// <summary>
/// Reads an <c>{"llm": {...}}</c> objective: the endpoint and model (<see cref="LlmClientSpecReader"/>), the dataset,
/// the prompts, the evaluator and the optional settings, each checked for its type. What needs the dataset or the
/// search space is checked by <see cref="LlmObjectiveFactory"/>.
/// </summary>
internal static class LlmObjectiveSpecReader
{
    private static readonly string[] Keys =
    [
        .. LlmClientSpecReader.Keys, "dataset", "prompt", "prompts", "system", "few_shot", "evaluator", "max_concurrent_items",
    ];

    public static LlmObjectiveSpec Read(ConfigSection objective)
    {
        ConfigSection llm = objective.Section("llm")
            ?? throw objective.WrongType("llm", objective.Node("llm")!, "an object with \"endpoint\", \"model\", \"dataset\" and \"prompt\"");
        llm.RejectUnknownKeys(Keys);
        LlmClientSpec client = LlmClientSpecReader.Read(llm);
        LocatedText dataset = llm.Text("dataset") ?? throw llm.Missing("dataset", "a JSON, JSON Lines or CSV file of items to answer");
        return new LlmObjectiveSpec(objective.Node("llm")!.Position)
        {
            Client = client,
            Dataset = dataset,
            Prompts = Prompts(llm),
            HasVariants = llm.Has("prompts"),
            System = llm.Text("system"),
            FewShot = FewShot(llm),
            Evaluator = LlmEvaluatorSpecReader.Read(llm),
            MaxConcurrentItems = llm.Integer("max_concurrent_items", 1),
        };
    }

    private static List<PromptSpec> Prompts(ConfigSection llm)
    {
        if (llm.Has("prompt") && llm.Has("prompts"))
        {
            throw llm.Error(llm.Map.Find("prompts")!.KeyPosition, "\"objective.llm\" takes \"prompt\" (one template) or \"prompts\" (named variants), not both");
        }

        if (llm.Text("prompt") is LocatedText prompt)
        {
            return [new PromptSpec("default", prompt)];
        }

        ConfigSection variants = llm.Section("prompts")
            ?? throw llm.Missing("prompt", "the prompt template (or \"prompts\", named variants), e.g. \"Answer briefly.\\n{context}\\nQuestion: {query}\"");
        if (variants.Map.Entries.Count == 0)
        {
            throw variants.Error(variants.Map.Position, "\"objective.llm.prompts\" names no variant");
        }

        return variants.Map.Entries.Select(e => new PromptSpec(e.Key, variants.Text(e.Key)!)).ToList();
    }

    private static FewShotSpec? FewShot(ConfigSection llm)
    {
        if (llm.Section("few_shot") is not ConfigSection fewShot)
        {
            return null;
        }

        fewShot.RejectUnknownKeys("file", "template");
        LocatedText file = fewShot.Text("file") ?? throw fewShot.Missing("file", "a JSON, JSON Lines or CSV file of examples with queries and reference answers");
        return new FewShotSpec(file, fewShot.Text("template"));
    }
}
