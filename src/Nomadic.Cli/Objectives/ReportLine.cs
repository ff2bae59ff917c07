using System.Text.Json;

namespace Nomadic.Cli.Objectives;

/// <summary>
/// Recognizes a command's progress reports: stdout lines holding a JSON object with exactly the keys <c>step</c> and
/// <c>value</c>, such as <c>{"step": 3, "value": 0.81}</c>.
/// </summary>
internal static class ReportLine
{
    /// <summary>Reads a line as a report.</summary>
    /// <param name="line">A non-empty stdout line, trimmed.</param>
    /// <param name="step">The step, 0 or more.</param>
    /// <param name="value">The value, a finite number.</param>
    /// <param name="problem">Why a line shaped as a report (exactly those two keys) is not a valid one; <see langword="null"/> otherwise.</param>
    /// <returns><see langword="true"/> when the line has the shape of a report, valid or not; other lines may be the score.</returns>
    public static bool TryParse(string line, out int step, out double value, out string? problem)
    {
        step = 0;
        value = double.NaN;
        problem = null;
        if (!line.StartsWith('{') || !line.Contains("\"step\"", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !HasExactlyStepAndValue(root))
            {
                return false;
            }

            if (!TryGetStep(root.GetProperty("step"), out step))
            {
                problem = $"the report \"{line}\" needs a \"step\" that is an integer, 0 or more";
            }
            else if (root.GetProperty("value") is not { ValueKind: JsonValueKind.Number } v || !v.TryGetDouble(out value) || !double.IsFinite(value))
            {
                problem = $"the report \"{line}\" needs a \"value\" that is a number";
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // An integral number, so a step printed as 4.0 counts as step 4.
    private static bool TryGetStep(JsonElement element, out int step)
    {
        step = 0;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out double number) || number < 0 || number > int.MaxValue || number != Math.Floor(number))
        {
            return false;
        }

        step = (int)number;
        return true;
    }

    private static bool HasExactlyStepAndValue(JsonElement root)
    {
        int count = 0;
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.Name is not ("step" or "value"))
            {
                return false;
            }

            count++;
        }

        return count == 2;
    }
}
