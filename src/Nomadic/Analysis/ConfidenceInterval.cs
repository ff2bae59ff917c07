namespace Nomadic.Analysis;

/// <summary>A confidence interval for an estimate.</summary>
/// <param name="Estimate">The point estimate from the whole sample.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The confidence level, e.g. 0.95.</param>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Level)
{
    /// <summary>Gets a value indicating whether the interval contains <paramref name="value"/>.</summary>
    /// <param name="value">The value to look for, e.g. 0 for a difference.</param>
    /// <returns><see langword="true"/> when <see cref="Lower"/> ≤ value ≤ <see cref="Upper"/>.</returns>
    public bool Contains(double value) => Lower <= value && value <= Upper;
}
