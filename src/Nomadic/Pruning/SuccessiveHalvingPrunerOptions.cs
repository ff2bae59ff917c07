namespace Nomadic.Pruning;

/// <summary>The settings of a <see cref="SuccessiveHalvingPruner"/>, each with Optuna's default; checked when the pruner is created.</summary>
public sealed class SuccessiveHalvingPrunerOptions
{
    /// <summary>Gets the steps every run gets before its first judgement (the paper's <c>r</c>).</summary>
    /// <value>
    /// The default is an estimate, as Optuna's <c>"auto"</c>: the largest last step of the runs completed when a run is
    /// first judged, divided by 100, at least 1. No run is pruned before one completed.
    /// </value>
    public int? MinResource { get; init; }

    /// <summary>Gets the reduction factor (the paper's <c>η</c>): about one run in this many is promoted at each rung.</summary>
    /// <value>The default value is 4.</value>
    public int ReductionFactor { get; init; } = 4;

    /// <summary>Gets the minimum early-stopping rate (the paper's <c>s</c>): rung <c>k</c> is at step <c>MinResource × ReductionFactor^(s + k)</c>.</summary>
    /// <value>The default value is 0.</value>
    public int MinEarlyStoppingRate { get; init; }

    /// <summary>Gets the number of runs that must reach a rung, the judged one included, before any is promoted from it; the others are pruned.</summary>
    /// <value>The default value is 0. A positive count needs a fixed <see cref="MinResource"/>.</value>
    public int BootstrapCount { get; init; }

    internal void Validate()
    {
        const string owner = nameof(SuccessiveHalvingPrunerOptions);
        if (MinResource is int minResource)
        {
            PrunerChecks.AtLeast(minResource, 1, owner + ".MinResource");
        }

        PrunerChecks.AtLeast(ReductionFactor, 2, owner + ".ReductionFactor");
        PrunerChecks.AtLeast(MinEarlyStoppingRate, 0, owner + ".MinEarlyStoppingRate");
        PrunerChecks.AtLeast(BootstrapCount, 0, owner + ".BootstrapCount");
        if (BootstrapCount > 0 && MinResource is null)
        {
            throw new ArgumentException($"{owner}.BootstrapCount ({BootstrapCount}) needs a fixed MinResource: the estimate is not known before a run completes.");
        }
    }
}
