using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Results;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>
/// Reads the <c>objectives</c> of an experiment file: the objectives besides the score, each read from the runs'
/// metadata, as <c>[{"name": "latency_ms", "direction": "minimize"}]</c>.
/// </summary>
internal static class ObjectiveMetricReader
{
    private const string Key = "objectives";
    private const string Example = "a list such as [{\"name\": \"latency_ms\", \"direction\": \"minimize\"}]";

    public static IReadOnlyList<ObjectiveMetric>? Read(ConfigSection root)
    {
        ConfigNode? node = root.Node(Key);
        if (node is null)
        {
            return null;
        }

        if (node is not ConfigList list)
        {
            throw root.WrongType(Key, node, Example);
        }

        var objectives = new List<ObjectiveMetric>(list.Items.Count);
        for (int i = 0; i < list.Items.Count; i++)
        {
            string key = $"{Key}[{i}]";
            if (list.Items[i] is not ConfigMap map)
            {
                throw root.WrongType(key, list.Items[i], "an object such as {\"name\": \"latency_ms\", \"direction\": \"minimize\"}");
            }

            var item = new ConfigSection(root.File, key, map);
            item.RejectUnknownKeys("name", "direction");
            string name = item.String("name") is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
                ? text
                : throw item.Error(map.Position, $"\"{key}\" needs a \"name\": the metadata key holding the objective's value");
            if (objectives.Any(o => o.Name == name))
            {
                throw item.Error(item.Node("name")!.Position, $"objective \"{name}\" is listed twice in \"{Key}\"");
            }

            objectives.Add(new ObjectiveMetric(name, item.String("direction") switch
            {
                "maximize" => Direction.Maximize,
                "minimize" => Direction.Minimize,
                null => throw item.Error(map.Position, $"\"{key}\" needs a \"direction\" (maximize or minimize)"),
                string other => throw item.Error(item.Node("direction")!.Position, $"\"{key}.direction\" must be maximize or minimize, got \"{other}\""),
            }));
        }

        return objectives;
    }
}
