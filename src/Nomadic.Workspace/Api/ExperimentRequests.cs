using System.Text.Json;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Workspace.Api;

/// <summary>Reads the bodies of experiment requests, with messages that name the field at fault.</summary>
internal static class ExperimentRequests
{
    /// <summary>Reads <c>{"name", "direction"?, "search_space", "settings"?}</c>.</summary>
    public static ExperimentDefinition ReadCreate(JsonElement root)
    {
        RequireObject(root);
        string name = ReadName(root, "name");
        Direction direction = root.TryGetProperty("direction", out JsonElement d) ? d.ValueKind == JsonValueKind.String ? d.GetString() switch
        {
            "maximize" => Direction.Maximize,
            "minimize" => Direction.Minimize,
            _ => throw ApiProblem.BadRequest("\"direction\" must be \"maximize\" or \"minimize\"."),
        }
        : throw ApiProblem.BadRequest("\"direction\" must be \"maximize\" or \"minimize\".")
        : Direction.Maximize;
        if (!root.TryGetProperty("search_space", out JsonElement s) || s.ValueKind != JsonValueKind.Object)
        {
            throw ApiProblem.BadRequest("\"search_space\" is required: an object of parameter name to domain, as SearchSpace.ToJson writes it.");
        }

        SearchSpace space;
        try
        {
            space = SearchSpace.FromJson(s.GetRawText());
        }
        catch (Exception e) when (e is SearchSpaceException or JsonException)
        {
            throw ApiProblem.BadRequest($"\"search_space\" is not valid: {e.Message}");
        }

        IReadOnlyDictionary<string, object?> settings = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (root.TryGetProperty("settings", out JsonElement t) && t.ValueKind != JsonValueKind.Null)
        {
            settings = t.ValueKind == JsonValueKind.Object
                ? ReadSettings(t)
                : throw ApiProblem.BadRequest("\"settings\" must be an object.");
        }

        return new ExperimentDefinition(name, direction, space, settings);
    }

    /// <summary>Reads <c>{"name"}</c>.</summary>
    public static string ReadName(JsonElement root)
    {
        RequireObject(root);
        return ReadName(root, "name");
    }

    private static Dictionary<string, object?> ReadSettings(JsonElement settings)
    {
        try
        {
            return StorageJson.ReadValues(settings.GetRawText(), "settings");
        }
        catch (StorageException e)
        {
            throw ApiProblem.BadRequest(e.Message);
        }
    }

    private static void RequireObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiProblem.BadRequest("The request body must be a JSON object.");
        }
    }

    private static string ReadName(JsonElement root, string field)
    {
        string? name = root.TryGetProperty(field, out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return NameRules.Check(name, field) is string problem ? throw ApiProblem.BadRequest(problem) : name!;
    }
}
