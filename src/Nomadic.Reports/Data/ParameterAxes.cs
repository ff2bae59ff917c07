using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Reports.Data;

/// <summary>Decides how each parameter of a search space is drawn and places runs' values on its axis.</summary>
internal static class ParameterAxes
{
    /// <exception cref="ArgumentException">The search space has no parameter of that name.</exception>
    public static ParameterAxis For(ExperimentResult result, string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!result.HpSearchSpace.TryGetValue(parameter, out Domain? domain))
        {
            string known = string.Join(", ", result.HpSearchSpace.Names);
            throw new ArgumentException($"The search space has no parameter '{parameter}' (it has: {known}).", nameof(parameter));
        }

        return domain switch
        {
            FloatDomain f => new ParameterAxis(parameter, f.IsLog ? ParameterScale.Log : ParameterScale.Linear, []),
            IntDomain i => new ParameterAxis(parameter, i.IsLog ? ParameterScale.Log : ParameterScale.Linear, []) { IsInteger = true },
            _ => new ParameterAxis(parameter, ParameterScale.Categorical, Categories(domain, result, parameter)),
        };
    }

    public static IReadOnlyList<ParameterAxis> All(ExperimentResult result) =>
        [.. result.HpSearchSpace.Names.Select(name => For(result, name))];

    /// <summary>The run's value on the axis: the number itself, or the category's position; NaN when the run lacks the parameter.</summary>
    public static double Position(ParameterAxis axis, RunResult run)
    {
        if (!run.Params.TryGetValue(axis.Name, out object? value))
        {
            return double.NaN;
        }

        if (axis.IsNumeric)
        {
            return ParameterValues.TryNumber(value, out double number) && (axis.Scale != ParameterScale.Log || number > 0) ? number : double.NaN;
        }

        int index = IndexOf(axis.Categories, ParameterValues.Label(value));
        return index >= 0 ? index : double.NaN;
    }

    /// <summary>The value in the axis' own scale: the logarithm for a log axis, the value otherwise.</summary>
    public static double Scaled(ParameterAxis axis, double value) => axis.Scale == ParameterScale.Log ? Math.Log10(value) : value;

    /// <summary>The inverse of <see cref="Scaled"/>.</summary>
    public static double Unscaled(ParameterAxis axis, double value) => axis.Scale == ParameterScale.Log ? Math.Pow(10, value) : value;

    private static string[] Categories(Domain domain, ExperimentResult result, string parameter)
    {
        IEnumerable<object?> declared = domain.IsEnumerable ? domain.Enumerate() : [];
        IEnumerable<object?> seen = result.RunResults.Where(r => r.Params.ContainsKey(parameter)).Select(r => r.Params[parameter]);
        return [.. declared.Concat(seen).Select(ParameterValues.Label).Distinct(StringComparer.Ordinal)];
    }

    private static int IndexOf(IReadOnlyList<string> categories, string label)
    {
        for (int i = 0; i < categories.Count; i++)
        {
            if (string.Equals(categories[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
