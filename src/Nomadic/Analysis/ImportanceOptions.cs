namespace Nomadic.Analysis;

/// <summary>
/// Settings of the fANOVA parameter importance: the random forest of regression trees fitted to the completed runs.
/// The defaults are Optuna's <c>FanovaImportanceEvaluator</c>'s.
/// </summary>
public sealed class ImportanceOptions
{
    private readonly int _trees = 64;
    private readonly int _maxDepth = 64;
    private readonly int _minSamplesSplit = 2;
    private readonly int _minSamplesLeaf = 1;

    /// <summary>Gets the number of trees; each is fitted to a bootstrap sample of the runs.</summary>
    /// <value>The default value is 64.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Trees
    {
        get => _trees;
        init => _trees = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Trees), value, "At least one tree is needed.");
    }

    /// <summary>Gets the largest depth of a tree.</summary>
    /// <value>The default value is 64.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "The depth must be at least 1.");
    }

    /// <summary>Gets the fewest distinct runs a node needs to be split.</summary>
    /// <value>The default value is 2.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 2.</exception>
    public int MinSamplesSplit
    {
        get => _minSamplesSplit;
        init => _minSamplesSplit = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(MinSamplesSplit), value, "A split needs at least 2 runs.");
    }

    /// <summary>Gets the fewest distinct runs each leaf keeps; larger values smooth out noise and speed up fitting.</summary>
    /// <value>The default value is 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MinSamplesLeaf
    {
        get => _minSamplesLeaf;
        init => _minSamplesLeaf = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinSamplesLeaf), value, "A leaf needs at least 1 run.");
    }

    /// <summary>Gets the seed of the bootstrap samples; the same runs and seed give the same importances.</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; init; }

    /// <summary>
    /// Gets a value indicating whether log-scale domains (<c>Tune.LogUniform</c>, <c>Tune.LogRandInt</c>) are measured
    /// on the log scale, the scale their values are drawn on; <see langword="false"/> measures them on the linear
    /// scale, as Optuna's evaluator does, which shrinks the importance of parameters such as learning rates.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool LogScaleForLogDomains { get; init; } = true;

    /// <summary>Gets the largest number of trees fitted at once.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/>; the result does not depend on it.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "At least one tree must be fitted at a time.");
    } = Environment.ProcessorCount;
}
