using System.Globalization;
using Nomadic.Analysis;
using Nomadic.Results;

namespace Nomadic.Reports;

/// <summary>
/// The words the report and the dashboard put beside parameter importances: which parameters exist in only some runs,
/// and how their importance is made comparable with the others'.
/// </summary>
public static class ImportanceText
{
    /// <summary>The sentence shown under an importance table that lists a parameter present in only some runs.</summary>
    public const string ConditionalRule =
        "A parameter that exists in only some runs has its importance estimated from those runs and weighted by the share of "
        + "the whole experiment's score variance that lies there, so every importance is a share of the same total "
        + "(Nomadic docs: importance.md, \"Conditional parameters\").";

    /// <summary>Returns the parameter's name, followed by "(in N of M runs)" when it exists in fewer than all runs.</summary>
    /// <param name="parameter">The parameter's name.</param>
    /// <param name="runCount">The number of completed runs with a finite score where the parameter exists.</param>
    /// <param name="totalRuns">The number of completed runs with a finite score.</param>
    /// <returns>The label, e.g. "hybrid_alpha (in 11 of 30 runs)", or the name alone.</returns>
    public static string Label(string parameter, int runCount, int totalRuns) => parameter + RunsNote(runCount, totalRuns);

    /// <summary>Returns " (in N of M runs)" when a parameter exists in fewer than all runs, otherwise an empty string.</summary>
    /// <param name="runCount">The number of completed runs with a finite score where the parameter exists.</param>
    /// <param name="totalRuns">The number of completed runs with a finite score.</param>
    /// <returns>The note, with its leading space, or an empty string.</returns>
    public static string RunsNote(int runCount, int totalRuns) =>
        runCount < totalRuns ? string.Create(CultureInfo.InvariantCulture, $" (in {runCount} of {totalRuns} runs)") : "";

    /// <summary>Returns the number of the result's completed runs with a finite score where the parameter has a value.</summary>
    /// <param name="result">The runs.</param>
    /// <param name="parameter">The parameter's name.</param>
    /// <returns>The count, for importances given without their <see cref="ParameterImportance.RunCount"/>.</returns>
    public static int RunsWith(ExperimentResult result, string parameter)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.RunResults.Count(r => r.HasUsableScore && r.Params.TryGetValue(parameter, out object? value) && value is not null);
    }
}
