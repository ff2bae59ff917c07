using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>
/// Builds the search space of an experiment file through the library's JSON form (<see cref="SearchSpace.FromJson"/>),
/// after checking each domain for keys its type does not take, and reports errors at the parameter's position.
/// </summary>
internal static class SearchSpaceReader
{
    private static readonly string[] Bounds = ["type", "low", "high", "when"];
    private static readonly string[] Quantized = ["type", "low", "high", "q", "when"];
    private static readonly string[] Listed = ["type", "values", "when"];

    public static SearchSpace Read(ConfigSection section)
    {
        foreach (ConfigEntry entry in section.Map.Entries)
        {
            if (entry.Value is ConfigMap domain && KeysOf(domain) is string[] known)
            {
                new ConfigSection(section.File, section.Name(entry.Key), domain).RejectUnknownKeys(known);
            }
        }

        try
        {
            return SearchSpace.FromJson(JsonPlain.Serialize((IReadOnlyDictionary<string, object?>)section.Map.ToPlain()!));
        }
        catch (SearchSpaceException e)
        {
            SourcePosition position = section.Map.Find(e.ParameterName)?.Value.Position ?? section.Map.Position;
            throw section.Error(position, "\"search_space\": " + e.Message.TrimEnd('.'));
        }
    }

    private static string[]? KeysOf(ConfigMap domain) => (domain.Find("type")?.Value as ConfigScalar)?.Value switch
    {
        "choice" or "grid_search" or "grid" => Listed,
        "uniform" or "loguniform" or "randint" or "lograndint" => Bounds,
        "quniform" or "qloguniform" or "qrandint" or "qlograndint" => Quantized,
        _ => null,
    };
}
