using Nomadic.Results;

namespace Nomadic.Storage;

/// <summary>
/// Keeps an experiment's extra objectives in its stored settings, under <c>objectives</c>, as
/// <c>[{"name": "latency_ms", "direction": "minimize"}]</c>; absent means none.
/// </summary>
internal static class ObjectiveSettings
{
    public const string Key = "objectives";

    /// <summary>Returns the settings with the objectives added (the settings unchanged when there are none).</summary>
    public static IReadOnlyDictionary<string, object?> With(IReadOnlyDictionary<string, object?>? settings, IReadOnlyList<ObjectiveMetric> objectives)
    {
        settings ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        if (objectives.Count == 0)
        {
            return settings;
        }

        return new Dictionary<string, object?>(settings, StringComparer.Ordinal)
        {
            [Key] = objectives.Select(o => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = o.Name,
                ["direction"] = o.Direction == Direction.Maximize ? "maximize" : "minimize",
            }).ToList(),
        };
    }

    /// <summary>Reads the objectives kept in stored settings; none when the key is absent or not a list of objectives.</summary>
    public static IReadOnlyList<ObjectiveMetric> Read(IReadOnlyDictionary<string, object?> settings)
    {
        if (settings.GetValueOrDefault(Key) is not IEnumerable<object?> items)
        {
            return [];
        }

        var objectives = new List<ObjectiveMetric>();
        foreach (object? item in items)
        {
            if (item is not IReadOnlyDictionary<string, object?> map || map.GetValueOrDefault("name") is not string name)
            {
                return [];
            }

            objectives.Add(new ObjectiveMetric(name, map.GetValueOrDefault("direction") as string == "maximize" ? Direction.Maximize : Direction.Minimize));
        }

        return objectives;
    }
}
