using System.Globalization;
using System.Text.Json;

namespace Nomadic.Cli.Objectives;

/// <summary>Reads a command's score from its last output line: a number, or <c>{"score": 0.9, "metadata": {...}}</c>.</summary>
internal static class ScoreLine
{
    /// <summary>Parses the line.</summary>
    /// <param name="line">The last non-empty line the command printed.</param>
    /// <param name="score">The score.</param>
    /// <param name="metadata">The metadata, empty when none was given.</param>
    /// <param name="problem">Why the line is not a score, when it is not.</param>
    /// <returns><see langword="true"/> when the line holds a score.</returns>
    public static bool TryParse(string line, out double score, out IReadOnlyDictionary<string, object?> metadata, out string problem)
    {
        metadata = new Dictionary<string, object?>();
        problem = "";
        if (double.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out score))
        {
            return true;
        }

        if (!line.StartsWith('{'))
        {
            problem = $"the last output line is not a score: \"{Shorten(line)}\"";
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            return TryRead(document.RootElement, ref score, ref metadata, ref problem);
        }
        catch (JsonException)
        {
            problem = $"the last output line is not valid JSON: \"{Shorten(line)}\"";
            return false;
        }
    }

    private static bool TryRead(JsonElement root, ref double score, ref IReadOnlyDictionary<string, object?> metadata, ref string problem)
    {
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.Name is not ("score" or "metadata"))
            {
                problem = $"the last output line has an unknown key \"{property.Name}\" (expected \"score\" and \"metadata\")";
                return false;
            }
        }

        if (!root.TryGetProperty("score", out JsonElement value) || value.ValueKind != JsonValueKind.Number)
        {
            problem = "the last output line has no number \"score\"";
            return false;
        }

        score = value.GetDouble();
        if (root.TryGetProperty("metadata", out JsonElement data))
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                problem = "the \"metadata\" of the last output line is not an object";
                return false;
            }

            metadata = (Dictionary<string, object?>)JsonPlain.Read(data)!;
        }

        return true;
    }

    private static string Shorten(string line) => line.Length <= 120 ? line : line[..117] + "...";
}
