using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// The rules an experiment's settings must follow together with its search space and tuner; <see cref="Experiment"/>
/// refuses settings with a problem, and a front end can report every problem in its own terms.
/// </summary>
public static class ExperimentCheck
{
    /// <summary>Finds the settings that cannot work, in the order an experiment reports them.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="options">The settings; the tuner is <see cref="ExperimentOptions.Tuner"/> or else the default (<see cref="TunerCatalog.DefaultTunerName"/>).</param>
    /// <param name="catalog">Where the tuner's capabilities are looked up by name; <see cref="TunerCatalog.Default"/> when omitted.</param>
    /// <returns>The problems; empty when the settings can work.</returns>
    public static IReadOnlyList<ExperimentProblem> Problems(SearchSpace space, ExperimentOptions options, TunerCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        catalog ??= TunerCatalog.Default;
        string tuner = options.Tuner?.Name ?? TunerCatalog.DefaultTunerName(space, options.NumSamples);
        TunerCapabilities capabilities = options.Tuner is { } given ? catalog.CapabilitiesOf(given)
            : (catalog.Find(tuner) ?? TunerCatalog.Default.Get(tuner)).Capabilities;
        var problems = new List<ExperimentProblem>();
        AddTunerProblems(problems, space, options, tuner, capabilities);
        foreach (string name in options.FixedParams?.Keys ?? [])
        {
            if (space.ContainsKey(name))
            {
                problems.Add(new(ExperimentProblemKind.FixedParameterTuned, nameof(options.FixedParams), $"Fixed parameter '{name}' is also in the search space; a parameter is either tuned or fixed.") { Parameter = name });
            }
        }

        for (int i = 0; i < (options.EnqueuedConfigurations?.Count ?? 0); i++)
        {
            if (options.EnqueuedConfigurations![i] is { } configuration && space.FindProblem(space.Activate(configuration)) is string reason)
            {
                problems.Add(new(ExperimentProblemKind.EnqueuedOutsideSpace, nameof(options.EnqueuedConfigurations), $"EnqueuedConfigurations[{i}] is outside the search space: {reason}.") { Index = i, Reason = reason });
            }
        }

        return problems;
    }

    private static void AddTunerProblems(List<ExperimentProblem> problems, SearchSpace space, ExperimentOptions options, string tuner, TunerCapabilities capabilities)
    {
        if (capabilities.HasFlag(TunerCapabilities.EnumeratesGrid))
        {
            if (space.FirstOrDefault(p => !p.Value.IsEnumerable) is { Key: { } name, Value: { } domain })
            {
                string reason = $"{domain.Kind} is continuous and grid search cannot enumerate it; use Choice, GridSearch, RandInt or QUniform, or random search";
                problems.Add(new(ExperimentProblemKind.GridOverContinuousDomain, nameof(options.Tuner), $"Parameter '{name}': {reason}.") { Parameter = name, Tuner = tuner, Reason = reason });
            }

            return;
        }

        bool runsOut = capabilities.HasFlag(TunerCapabilities.StopsWhenSpaceIsExhausted) && space.IsEnumerable;
        if (!runsOut && options.NumSamples is null && options.TimeBudget is null)
        {
            problems.Add(new(ExperimentProblemKind.NoRunBudget, nameof(options.NumSamples), $"The {tuner} tuner never runs out of configurations here: set NumSamples or TimeBudget.") { Tuner = tuner });
        }
    }
}
