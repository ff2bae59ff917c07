namespace Nomadic.Analysis;

/// <summary>Settings of the comparisons of the best configuration with the baseline and the runners-up.</summary>
public sealed class ComparisonOptions
{
    private readonly int _runnersUp = 3;
    private readonly double _alpha = 0.05;
    private readonly double _confidenceLevel = 0.95;
    private readonly int _resamples = BootstrapInterval.DefaultResamples;

    /// <summary>Gets the number of runners-up (the next best runs after the best) to compare with.</summary>
    /// <value>The default value is 3.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int RunnersUp
    {
        get => _runnersUp;
        init => _runnersUp = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(RunnersUp), value, "The number of runners-up cannot be negative.");
    }

    /// <summary>Gets the family-wise significance level the Holm-adjusted p-values are compared with.</summary>
    /// <value>The default value is 0.05.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double Alpha
    {
        get => _alpha;
        init => _alpha = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(Alpha), value, "Alpha must be in (0, 1).");
    }

    /// <summary>Gets the level of the bootstrap interval of the mean per-item difference.</summary>
    /// <value>The default value is 0.95.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double ConfidenceLevel
    {
        get => _confidenceLevel;
        init => _confidenceLevel = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), value, "The confidence level must be in (0, 1).");
    }

    /// <summary>Gets the number of bootstrap resamples.</summary>
    /// <value>The default value is 10,000.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Resamples
    {
        get => _resamples;
        init => _resamples = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "At least one resample is needed.");
    }

    /// <summary>Gets the seed of the bootstrap; the same runs and seed give the same intervals.</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; init; }
}
