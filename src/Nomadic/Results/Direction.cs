namespace Nomadic.Results;

/// <summary>Whether higher or lower scores are better.</summary>
public enum Direction
{
    /// <summary>Higher scores are better (accuracy, F1); the default, as in nomadic.</summary>
    Maximize,

    /// <summary>Lower scores are better (loss, error, latency, cost).</summary>
    Minimize,
}
