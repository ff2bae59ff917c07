namespace Nomadic.Analysis;

/// <summary>The functional ANOVA of every tree of a forest: each feature's main-effect fraction per tree, and the trees' total variance.</summary>
internal sealed class ForestDecomposition
{
    public ForestDecomposition(double[][] fractions, double[] totals)
    {
        Fractions = fractions;
        Totals = totals;
    }

    /// <summary>
    /// Gets, per tree, the main-effect variance fraction of every feature; an empty array for a tree whose prediction
    /// does not vary (Optuna leaves such trees out of the average too).
    /// </summary>
    public double[][] Fractions { get; }

    /// <summary>Gets each tree's total prediction variance over the uniform measure of the space.</summary>
    public double[] Totals { get; }

    /// <summary>Gets the total variance averaged over the trees whose prediction varies, 0 when none does.</summary>
    public double MeanTotalVariance => Totals.Any(t => t > 0) ? Totals.Where(t => t > 0).Average() : 0;
}
