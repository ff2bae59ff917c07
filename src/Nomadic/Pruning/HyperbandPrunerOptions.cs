namespace Nomadic.Pruning;

/// <summary>The settings of a <see cref="HyperbandPruner"/>, each with Optuna's default; checked when the pruner is created.</summary>
public sealed class HyperbandPrunerOptions
{
    /// <summary>Gets the steps every run gets before its first judgement (the paper's <c>r</c>).</summary>
    /// <value>The default value is 1.</value>
    public int MinResource { get; init; } = 1;

    /// <summary>Gets the most steps a run takes (the paper's <c>R</c> is <c>MaxResource / MinResource</c>): the number of epochs, say.</summary>
    /// <value>
    /// The default is an estimate, as Optuna's <c>"auto"</c>: one more than the last step of the first run to complete.
    /// No run is pruned before one completed.
    /// </value>
    public int? MaxResource { get; init; }

    /// <summary>Gets the reduction factor (the paper's <c>η</c>), shared by every bracket.</summary>
    /// <value>The default value is 3.</value>
    public int ReductionFactor { get; init; } = 3;

    /// <summary>Gets the number of runs that must reach a rung before any is promoted from it, in every bracket.</summary>
    /// <value>The default value is 0. A positive count needs a fixed <see cref="MaxResource"/>.</value>
    public int BootstrapCount { get; init; }

    internal void Validate()
    {
        const string owner = nameof(HyperbandPrunerOptions);
        PrunerChecks.AtLeast(MinResource, 1, owner + ".MinResource");
        if (MaxResource is int maxResource)
        {
            PrunerChecks.AtLeast(maxResource, MinResource, owner + ".MaxResource (at least MinResource)");
        }

        PrunerChecks.AtLeast(ReductionFactor, 2, owner + ".ReductionFactor");
        PrunerChecks.AtLeast(BootstrapCount, 0, owner + ".BootstrapCount");
        if (BootstrapCount > 0 && MaxResource is null)
        {
            throw new ArgumentException($"{owner}.BootstrapCount ({BootstrapCount}) needs a fixed MaxResource: the estimate is not known before a run completes.");
        }
    }
}
