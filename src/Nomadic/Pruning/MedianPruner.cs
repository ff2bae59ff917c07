namespace Nomadic.Pruning;

/// <summary>
/// Stops a run whose best value so far is worse than the median of the completed runs' values at the same step
/// (Optuna's <c>MedianPruner</c>).
/// </summary>
/// <remarks>
/// Only completed runs set the median: pruned runs stopped early and would drag it towards the bad end. No run is
/// pruned before <see cref="MedianPrunerOptions.StartupTrials"/> runs completed, nor at a step below
/// <see cref="MedianPrunerOptions.WarmupSteps"/>.
/// </remarks>
/// <example>
/// <code>
/// var options = new ExperimentOptions { NumSamples = 100, Pruner = new MedianPruner(new MedianPrunerOptions { WarmupSteps = 5 }) };
/// </code>
/// </example>
public sealed class MedianPruner : IPruner
{
    private readonly PercentileRule _rule;

    /// <summary>Initializes a new instance of the <see cref="MedianPruner"/> class.</summary>
    /// <param name="options">The settings; Optuna's defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public MedianPruner(MedianPrunerOptions? options = null)
    {
        Options = options ?? new MedianPrunerOptions();
        Options.Validate();
        _rule = new PercentileRule(50, Options.StartupTrials, Options.WarmupSteps, Options.IntervalSteps, Options.MinTrials);
    }

    /// <summary>Gets the settings.</summary>
    public MedianPrunerOptions Options { get; }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context) => _rule.ShouldPrune(context);
}
