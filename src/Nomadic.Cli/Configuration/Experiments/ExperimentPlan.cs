using Nomadic.Cli.Storage;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>A checked experiment file with its objective and search space resolved: everything needed to create the <see cref="Experiment"/>.</summary>
internal sealed record ExperimentPlan(
    ExperimentFile File,
    SearchSpace SearchSpace,
    IObjective Objective,
    string ObjectiveName,
    Direction Direction,
    OutputPaths Outputs)
{
    /// <summary>Gets the runs of the <c>warm_start</c> results file, which the tuner learns from without running them.</summary>
    public IReadOnlyList<RunResult>? PriorRuns { get; init; }

    /// <summary>Gets the tuners the file's <c>tuner</c> names one of.</summary>
    public TunerCatalog Tuners { get; init; } = TunerCatalog.Default;

    /// <summary>Gets the number of runs the experiment will make when it can be known: the sample count or the grid size.</summary>
    public long? ExpectedRuns => File.NumSamples ?? (UsesGrid ? SearchSpace.GridSize + (BaselineOutsideGrid ? 1 : 0) : null);

    private bool UsesGrid => Tuners.Get(File.Tuner?.Type ?? TunerCatalog.DefaultTunerName(SearchSpace, File.NumSamples)).Has(TunerCapabilities.EnumeratesGrid);

    private bool BaselineOutsideGrid => File.CurrentParams is { } current && !SearchSpace.Contains(current);

    /// <summary>Creates the experiment, kept in a storage: a stored experiment of the same name is resumed or joined.</summary>
    /// <param name="progress">Receives each run finished in this process.</param>
    /// <param name="worker">The storage and how this process works on it.</param>
    /// <returns>The experiment.</returns>
    /// <exception cref="ArgumentException">The library rejects a setting (e.g. grid search over a continuous domain).</exception>
    /// <exception cref="StorageException">The storage failed.</exception>
    public Experiment CreateExperiment(IProgress<RunResult>? progress, WorkerSettings worker) =>
        new(SearchSpace, Objective, new ExperimentOptions
        {
            Name = File.Name,
            Direction = Direction,
            Objectives = File.Objectives ?? [],
            Tuner = File.Tuner is { } tuner ? Tuners.Create(tuner.Type) : null,
            FixedParams = File.FixedParams,
            CurrentParams = File.CurrentParams,
            EnqueuedConfigurations = File.Enqueue,
            PriorRuns = PriorRuns,
            NumSamples = File.NumSamples,
            TimeBudget = File.TimeBudget,
            MaxConcurrentTrials = worker.MaxConcurrent ?? File.MaxConcurrentTrials ?? 1,
            Reproducible = File.Reproducible ?? false,
            TrialTimeout = File.TrialTimeout,
            Retry = File.Retry,
            Pruner = File.Pruner?.Create(),
            Repeats = File.Repeats ?? 1,
            Seed = File.Seed ?? File.Tuner?.Seed,
            Storage = worker.Storage,
            WorkerId = worker.WorkerId,
            LeaseDuration = worker.Lease,
            RetryFailedRuns = worker.RetryFailedRuns,
            JournalPath = worker.Journal,
            StoredSettings = Definition.Settings,
            Progress = progress,
        });

    /// <summary>Gets the experiment as a storage identifies it.</summary>
    public ExperimentDefinition Definition => new(File.Name, Direction, SearchSpace, StoredExperimentFile.Settings(File));

}
