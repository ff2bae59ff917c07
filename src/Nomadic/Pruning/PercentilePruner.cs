namespace Nomadic.Pruning;

/// <summary>
/// Stops a run whose best value so far is not within the best <see cref="PercentilePrunerOptions.Percentile"/> percent
/// of the completed runs' values at the same step (Optuna's <c>PercentilePruner</c>); at 50 it is the
/// <see cref="MedianPruner"/>.
/// </summary>
/// <remarks>
/// The percentile interpolates linearly between the closest values, as NumPy does. Only completed runs count, and no
/// run is pruned before <see cref="PercentilePrunerOptions.StartupTrials"/> runs completed, nor at a step below
/// <see cref="PercentilePrunerOptions.WarmupSteps"/>.
/// </remarks>
public sealed class PercentilePruner : IPruner
{
    private readonly PercentileRule _rule;

    /// <summary>Initializes a new instance of the <see cref="PercentilePruner"/> class.</summary>
    /// <param name="options">The settings; defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public PercentilePruner(PercentilePrunerOptions? options = null)
    {
        Options = options ?? new PercentilePrunerOptions();
        Options.Validate();
        _rule = new PercentileRule(Options.Percentile, Options.StartupTrials, Options.WarmupSteps, Options.IntervalSteps, Options.MinTrials);
    }

    /// <summary>Gets the settings.</summary>
    public PercentilePrunerOptions Options { get; }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context) => _rule.ShouldPrune(context);
}
