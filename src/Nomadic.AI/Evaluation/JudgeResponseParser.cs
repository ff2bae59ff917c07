using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Reads a judge's scores from its answer: the first JSON object naming the criteria (inside code fences or prose too),
/// else <c>name: score</c> lines. Names match ignoring case and punctuation; a score is a number, a numeric string,
/// <c>"8/10"</c>, <c>"80%"</c> or an object with a <c>score</c>.
/// </summary>
internal static partial class JudgeResponseParser
{
    private static readonly char[] Openers = ['{', '['];

    /// <summary>Returns each criterion's score brought to [0, 1] (out-of-range scores clamped), or explains why it cannot.</summary>
    public static bool TryParse(string response, JudgeRubric rubric, out Dictionary<string, double> scores, out string? error)
    {
        scores = new Dictionary<string, double>(StringComparer.Ordinal);
        Dictionary<string, double> raw = FromJson(response, rubric) ?? FromLines(response, rubric);
        string[] missing = rubric.Criteria.Where(c => !raw.ContainsKey(Key(c.Name))).Select(c => c.Name).ToArray();
        if (missing.Length > 0)
        {
            error = $"the judge's answer gives no score for {string.Join(", ", missing)}.";
            return false;
        }

        foreach (JudgeCriterion criterion in rubric.Criteria)
        {
            scores[criterion.Name] = Math.Clamp(raw[Key(criterion.Name)], 0, 1);
        }

        error = null;
        return true;
    }

    /// <summary>A name reduced to lower-case letters and digits, so "Factual accuracy" matches "factual_accuracy".</summary>
    public static string Key(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, double>? FromJson(string response, JudgeRubric rubric)
    {
        for (int start = response.IndexOfAny(Openers); start >= 0; start = response.IndexOfAny(Openers, start + 1))
        {
            int end = MatchingBrace(response, start);
            if (end < 0)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(response[start..(end + 1)], new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                var found = new Dictionary<string, double>(StringComparer.Ordinal);
                Collect(document.RootElement, rubric, found);
                if (found.Count > 0)
                {
                    return found;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all (a brace in prose); the next one may be.
            }
        }

        return null;
    }

    private static void Collect(JsonElement element, JudgeRubric rubric, Dictionary<string, double> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement entry in element.EnumerateArray())
            {
                // [{"criterion": "accuracy", "score": 8}, ...]
                if (entry.ValueKind == JsonValueKind.Object && NameOf(entry) is { } name && entry.TryGetProperty("score", out JsonElement score) && Value(score, rubric) is { } v)
                {
                    found.TryAdd(Key(name), v);
                }
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            string key = Key(property.Name);
            if (rubric.Criteria.Any(c => Key(c.Name) == key) && Value(property.Value, rubric) is { } value)
            {
                found.TryAdd(key, value);
            }
            else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Collect(property.Value, rubric, found);
            }
        }
    }

    private static string? NameOf(JsonElement entry)
    {
        foreach (string field in (string[])["criterion", "name", "metric"])
        {
            if (entry.TryGetProperty(field, out JsonElement name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString();
            }
        }

        return null;
    }

    private static double? Value(JsonElement value, JudgeRubric rubric) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble() / rubric.Maximum,
        JsonValueKind.String => Text(value.GetString()!, rubric),
        JsonValueKind.Object when value.TryGetProperty("score", out JsonElement inner) => Value(inner, rubric),
        _ => null,
    };

    private static double? Text(string text, JudgeRubric rubric)
    {
        Match match = Score().Match(text);
        if (!match.Success)
        {
            return null;
        }

        double number = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["percent"].Success)
        {
            return number / 100;
        }

        return match.Groups["outof"].Success && double.Parse(match.Groups["outof"].Value, CultureInfo.InvariantCulture) is > 0 and double outOf
            ? number / outOf
            : number / rubric.Maximum;
    }

    private static Dictionary<string, double> FromLines(string response, JudgeRubric rubric)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (JudgeCriterion criterion in rubric.Criteria)
        {
            var pattern = new Regex(@"\b" + Regex.Escape(criterion.Name).Replace(@"\ ", @"[\s_-]+", StringComparison.Ordinal) + @"\b\W{0,5}[:=]\s*(?<text>[^\n,;]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (pattern.Match(response) is { Success: true } line && Text(line.Groups["text"].Value, rubric) is { } value)
            {
                found[Key(criterion.Name)] = value;
            }
        }

        return found;
    }

    private static int MatchingBrace(string text, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"(?<value>-?\d+(?:\.\d+)?)\s*(?:(?<percent>%)|/\s*(?<outof>\d+(?:\.\d+)?))?", RegexOptions.CultureInvariant)]
    private static partial Regex Score();
}
