namespace Nomadic.Analysis;

/// <summary>
/// The effect-size labels nomadic's <c>test_significance</c> prints for Cohen's d. They are shifted one step up from
/// Cohen's conventions (<see cref="EffectSizeMagnitude"/>): what Cohen calls negligible nomadic calls small, and |d| of
/// 0.5 is already large.
/// </summary>
public enum NomadicEffectSize
{
    /// <summary>|d| &lt; 0.2.</summary>
    Small,

    /// <summary>0.2 ≤ |d| &lt; 0.5.</summary>
    Medium,

    /// <summary>|d| ≥ 0.5.</summary>
    Large,
}
