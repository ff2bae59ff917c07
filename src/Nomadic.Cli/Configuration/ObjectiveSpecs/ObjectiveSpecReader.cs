using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Reads the <c>objective</c> of an experiment file: <c>{"builtin": name}</c>, <c>{"command": ..., "working_directory": ..., "env": {...}}</c>,
/// <c>{"rag": {"corpus": ..., "questions": ..., "metric": ..., "generation": {...}}}</c> (<see cref="RagGenerationSpecReader"/>) or <c>{"llm": {...}}</c> (<see cref="LlmObjectiveSpecReader"/>).
/// </summary>
internal static class ObjectiveSpecReader
{
    private static readonly string[] Kinds = ["builtin", "command", "rag", "llm"];

    public static ObjectiveSpec Read(ConfigSection root)
    {
        ConfigSection objective = root.Section("objective")
            ?? throw root.Error(SourcePosition.Unknown, "the experiment has no \"objective\"; add {\"builtin\": \"branin\"} or {\"command\": [\"python3\", \"train.py\", \"--lr\", \"{lr}\"]}");
        objective.RejectUnknownKeys("builtin", "command", "working_directory", "env", "rag", "llm");
        if (Kinds.Count(objective.Has) != 1)
        {
            throw objective.Error(objective.Map.Position, "\"objective\" needs exactly one of \"builtin\", \"command\", \"rag\" and \"llm\"");
        }

        if (objective.Has("rag") || objective.Has("llm"))
        {
            string kind = objective.Has("rag") ? "rag" : "llm";
            if (objective.Map.Entries.FirstOrDefault(e => e.Key != kind) is ConfigEntry extra)
            {
                throw objective.Error(extra.KeyPosition, $"\"objective.{extra.Key}\" applies to a command objective, not {(kind == "rag" ? "a rag" : "an llm")} one");
            }

            return kind == "rag" ? Rag(objective) : LlmObjectiveSpecReader.Read(objective);
        }

        if (objective.Has("builtin"))
        {
            if (objective.Map.Entries.FirstOrDefault(e => e.Key != "builtin") is ConfigEntry extra)
            {
                throw objective.Error(extra.KeyPosition, $"\"objective.{extra.Key}\" applies to a command objective, not a built-in one");
            }

            return new BuiltinObjectiveSpec(objective.String("builtin")!, objective.Node("builtin")!.Position);
        }

        ConfigNode command = objective.Node("command")!;
        return new CommandObjectiveSpec(Command(objective, command), objective.String("working_directory"), Environment(objective), command.Position);
    }

    private static RagObjectiveSpec Rag(ConfigSection objective)
    {
        ConfigSection rag = objective.Section("rag") ?? throw objective.WrongType("rag", objective.Node("rag")!, "an object with \"corpus\", \"questions\" and \"metric\"");
        rag.RejectUnknownKeys("corpus", "questions", "metric", "generation");
        string corpus = rag.String("corpus") ?? throw rag.Missing("corpus", "the folder of documents");
        string questions = rag.String("questions") ?? throw rag.Missing("questions", "a JSON Lines file of questions");
        return new RagObjectiveSpec(corpus, questions, rag.String("metric"), objective.Node("rag")!.Position) { Generation = RagGenerationSpecReader.Read(rag) };
    }

    private static List<string> Command(ConfigSection objective, ConfigNode node)
    {
        List<string> words = node switch
        {
            ConfigScalar { Value: string text } => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList(),
            ConfigList list => list.Items.Select(item => item is ConfigScalar { Value: not null } scalar
                ? scalar.Text
                : throw objective.Error(item.Position, $"\"objective.command\" items must be strings, got {item.Description}")).ToList(),
            _ => throw objective.WrongType("command", node, "a list of strings or a string"),
        };
        return words.Count > 0 && words[0].Length > 0
            ? words
            : throw objective.Error(node.Position, "\"objective.command\" is empty; give the program to run first");
    }

    private static Dictionary<string, string> Environment(ConfigSection objective)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (objective.Section("env") is ConfigSection env)
        {
            foreach (ConfigEntry entry in env.Map.Entries)
            {
                variables[entry.Key] = entry.Value is ConfigScalar scalar
                    ? scalar.Text
                    : throw env.Error(entry.Value.Position, $"\"{env.Name(entry.Key)}\" must be a string, got {entry.Value.Description}");
            }
        }

        return variables;
    }
}
