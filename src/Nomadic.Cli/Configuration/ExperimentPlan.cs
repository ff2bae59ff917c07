using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration;

/// <summary>A checked experiment file with its objective and search space resolved: everything needed to create the <see cref="Experiment"/>.</summary>
internal sealed record ExperimentPlan(
    ExperimentFile File,
    SearchSpace SearchSpace,
    IObjective Objective,
    string ObjectiveName,
    Direction Direction,
    OutputPaths Outputs)
{
    /// <summary>Gets the number of runs the experiment will make when it can be known: the sample count or the grid size.</summary>
    public long? ExpectedRuns => File.NumSamples ?? (UsesGrid ? SearchSpace.GridSize + (BaselineOutsideGrid ? 1 : 0) : null);

    private bool UsesGrid => File.Tuner?.Type == "grid" || (File.Tuner is null && File.NumSamples is null && SearchSpace.IsEnumerable);

    private bool BaselineOutsideGrid => File.CurrentParams is { } current && !SearchSpace.Contains(current);

    /// <summary>Creates the experiment.</summary>
    /// <param name="progress">Receives each finished run.</param>
    /// <returns>The experiment, its journal opened when one is declared.</returns>
    /// <exception cref="ArgumentException">The library rejects a setting (e.g. grid search over a continuous domain).</exception>
    /// <exception cref="ResultFormatException">The journal belongs to another experiment.</exception>
    public Experiment CreateExperiment(IProgress<RunResult>? progress) =>
        new(SearchSpace, Objective, new ExperimentOptions
        {
            Name = File.Name,
            Direction = Direction,
            Tuner = File.Tuner is { } tuner ? (tuner.Type == "grid" ? new GridTuner() : new RandomTuner()) : null,
            FixedParams = File.FixedParams,
            CurrentParams = File.CurrentParams,
            NumSamples = File.NumSamples,
            TimeBudget = File.TimeBudget,
            MaxConcurrentTrials = File.MaxConcurrentTrials ?? 1,
            TrialTimeout = File.TrialTimeout,
            Retry = File.Retry,
            Seed = File.Seed ?? File.Tuner?.Seed,
            JournalPath = Outputs.Journal,
            Progress = progress,
        });
}
