namespace Nomadic.Analysis;

/// <summary>Cohen's conventional labels for the size of a standardized mean difference |d|.</summary>
public enum EffectSizeMagnitude
{
    /// <summary>|d| &lt; 0.2.</summary>
    Negligible,

    /// <summary>0.2 ≤ |d| &lt; 0.5.</summary>
    Small,

    /// <summary>0.5 ≤ |d| &lt; 0.8.</summary>
    Medium,

    /// <summary>|d| ≥ 0.8.</summary>
    Large,
}
