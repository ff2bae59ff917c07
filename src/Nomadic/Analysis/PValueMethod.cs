namespace Nomadic.Analysis;

/// <summary>How a rank test computed its p-value.</summary>
public enum PValueMethod
{
    /// <summary>From the exact null distribution of the statistic (small samples without ties).</summary>
    Exact,

    /// <summary>From the normal approximation, with the tie correction of the variance.</summary>
    Asymptotic,
}
