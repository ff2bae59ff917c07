using System.Collections;

namespace Nomadic.Analysis;

/// <summary>Reads numbers and lists of numbers from run metadata, whatever numeric type they were stored or loaded as.</summary>
internal static class MetadataNumbers
{
    /// <summary>The metadata key of per-item scores: one number per evaluation item, in the same item order in every run.</summary>
    public const string ItemScores = "item_scores";

    /// <summary>The metadata key of the scores of repeated evaluations of one configuration.</summary>
    public const string RepeatedScores = Experiments.RepeatedScores.Values;

    public static double? Number(IReadOnlyDictionary<string, object?> metadata, string key) =>
        metadata.TryGetValue(key, out object? value) && ParamValue.TryGetDouble(value, out double number) ? number : null;

    /// <summary>Returns the list under <paramref name="key"/> when every element is a finite number, else null.</summary>
    public static double[]? List(IReadOnlyDictionary<string, object?> metadata, string key)
    {
        if (!metadata.TryGetValue(key, out object? value) || value is not IEnumerable list || value is string)
        {
            return null;
        }

        var numbers = new List<double>();
        foreach (object? element in list)
        {
            if (!ParamValue.TryGetDouble(element, out double number) || !double.IsFinite(number))
            {
                return null;
            }

            numbers.Add(number);
        }

        return [.. numbers];
    }
}
