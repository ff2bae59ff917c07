using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Reads an <c>{"llm": {...}}</c> objective: the endpoint and model (<see cref="LlmClientSpecReader"/>), the dataset,
/// the prompts (<see cref="PromptsSpecReader"/>), the evaluator and the optional settings, each checked for its type.
/// What needs the dataset or the search space is checked by <see cref="LlmObjectiveFactory"/>.
/// </summary>
internal static class LlmObjectiveSpecReader
{
    private static readonly string[] Keys =
    [
        .. LlmClientSpecReader.Keys, "dataset", .. PromptsSpecReader.Keys, "evaluator", "max_concurrent_items",
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
            Prompts = PromptsSpecReader.Read(llm, required: true),
            Evaluator = LlmEvaluatorSpecReader.Read(llm),
            MaxConcurrentItems = llm.Integer("max_concurrent_items", 1),
        };
    }
}
