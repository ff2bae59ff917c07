namespace Nomadic.Tuning;

/// <summary>Settings of <see cref="AutoTuner"/>.</summary>
public sealed class AutoTunerOptions
{
    /// <summary>Gets the number of finished runs up to which the Gaussian-process model proposes configurations.</summary>
    /// <value>The default value is 200: the model's cost grows with the cube of the runs, and TPE takes over after.</value>
    public int GaussianProcessRuns { get; init; } = 200;

    /// <summary>Gets the most parameters a space may have for the Gaussian-process model to be used.</summary>
    /// <value>The default value is 20.</value>
    public int GaussianProcessMaxDimension { get; init; } = 20;

    /// <summary>
    /// Gets how often TPE proposes instead of the Gaussian-process model while the model leads: every
    /// <c>ExplorationInterval</c>-th suggestion. TPE samples more widely, which keeps the model from settling in one basin
    /// of a multimodal objective. Zero turns it off.
    /// </summary>
    /// <value>The default value is 5.</value>
    public int ExplorationInterval { get; init; } = 5;

    /// <summary>
    /// Gets the share of a known run budget (<c>NumSamples</c>) spent at its end on a local search (CFO) around the best
    /// configuration found. Zero turns it off.
    /// </summary>
    /// <value>The default value is 0.1.</value>
    public double RefinementShare { get; init; } = 0.1;

    /// <summary>Gets the local search's initial step, as a share of each parameter's range (see <see cref="CfoOptions.InitialStepSize"/>).</summary>
    /// <value>The default value is 0.02: the search refines a configuration the models already placed well.</value>
    public double RefinementStepSize { get; init; } = 0.02;

    /// <summary>
    /// Gets the number of finished runs up to which multi-objective TPE proposes configurations when the experiment has
    /// objectives besides the score; NSGA-II takes over after, its first parents the best of every run so far.
    /// </summary>
    /// <value>
    /// The default value is 200: on the benchmark problems multi-objective TPE leads NSGA-II up to 200 runs and then
    /// stalls, while NSGA-II started from its runs leads both from 300 runs on.
    /// </value>
    public int MultiObjectiveTpeRuns { get; init; } = 200;

    /// <summary>Gets the seed; by default the experiment's seed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? Seed { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(GaussianProcessRuns, nameof(GaussianProcessRuns));
        ArgumentOutOfRangeException.ThrowIfNegative(GaussianProcessMaxDimension, nameof(GaussianProcessMaxDimension));
        ArgumentOutOfRangeException.ThrowIfNegative(ExplorationInterval, nameof(ExplorationInterval));
        ArgumentOutOfRangeException.ThrowIfNegative(MultiObjectiveTpeRuns, nameof(MultiObjectiveTpeRuns));
        if (!(RefinementStepSize is > 1e-4 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RefinementStepSize), RefinementStepSize, "RefinementStepSize must be in (0.0001, 1].");
        }

        if (!(RefinementShare is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RefinementShare), RefinementShare, "RefinementShare must be in [0, 1).");
        }
    }
}
