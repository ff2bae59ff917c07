using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>The settings of an <see cref="Experiment"/>, each with a documented default; checked when the experiment is created.</summary>
public sealed class ExperimentOptions
{
    /// <summary>Gets the experiment's name, carried into its result and journal.</summary>
    public string? Name { get; init; }

    /// <summary>Gets whether higher or lower scores are better.</summary>
    /// <value>The default value is <see cref="Direction.Maximize"/>.</value>
    public Direction Direction { get; init; } = Direction.Maximize;

    /// <summary>
    /// Gets the objectives besides the score (e.g. latency or cost), each a number the objective reports in the run's
    /// metadata; the score stays the primary objective and <see cref="ExperimentResult.BestRunResult"/> its best run.
    /// </summary>
    /// <value>
    /// The default is empty: a single objective. With objectives, <see cref="ExperimentResult.ParetoFront"/> lists the
    /// trade-offs and a multi-objective tuner such as <see cref="NsgaIITuner"/> uses them; names must be non-empty and
    /// distinct.
    /// </value>
    public IReadOnlyList<ObjectiveMetric> Objectives { get; init; } = [];

    /// <summary>Gets the tuner proposing configurations.</summary>
    /// <value>
    /// The default is grid search when every domain is enumerable and <see cref="NumSamples"/> is not set (every
    /// configuration once, as nomadic does), and <see cref="AutoTuner"/> otherwise.
    /// </value>
    public ITuner? Tuner { get; init; }

    /// <summary>Gets the pruner that stops unpromising runs early, asked through <see cref="Trial.ShouldPrune"/>; one instance per experiment.</summary>
    /// <value>The default is none: <see cref="Trial.ShouldPrune"/> is always <see langword="false"/>.</value>
    public IPruner? Pruner { get; init; }

    /// <summary>Gets how many times each run evaluates the objective, one after the other, for a noisy objective.</summary>
    /// <value>
    /// The default value is 1. With more, the run's score is the mean and its metadata gets <c>score_mean</c>,
    /// <c>score_median</c>, <c>score_std</c> (sample standard deviation, 0 for one value) and <c>score_values</c>; a
    /// failed repetition fails the run and a pruned one prunes it.
    /// </value>
    /// <remarks>Repetitions evaluate one configuration again; <see cref="AllowRepeats"/> is about the tuner proposing a configuration twice.</remarks>
    public int Repeats { get; init; } = 1;

    /// <summary>Gets parameters passed to every run unchanged (merged into the sampled ones; not tuned).</summary>
    public IReadOnlyDictionary<string, object?>? FixedParams { get; init; }

    /// <summary>Gets the user's present configuration: evaluated first, once, and marked as the baseline in the result.</summary>
    public IReadOnlyDictionary<string, object?>? CurrentParams { get; init; }

    /// <summary>
    /// Gets configurations to evaluate first, in order, after the baseline (Optuna's <c>enqueue_trial</c>), e.g. settings
    /// known to be good. Each must lie in the search space; one already evaluated (on resume) is not run again.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (none).</value>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? EnqueuedConfigurations { get; init; }

    /// <summary>
    /// Gets finished runs of an earlier experiment on the same space (warm start): the tuner learns from them before it
    /// proposes anything, and their configurations are not run again. They are not part of this experiment's results.
    /// Runs whose parameters lie outside the search space are ignored.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (none).</value>
    public IReadOnlyList<RunResult>? PriorRuns { get; init; }

    /// <summary>Gets the most runs the experiment makes in total, the baseline and runs restored from a journal included.</summary>
    /// <value>The default is no limit: the tuner's own end (a grid's last point) or the time budget stops the experiment.</value>
    public int? NumSamples { get; init; }

    /// <summary>Gets the wall time after which no run starts and runs in progress are cancelled (and not recorded).</summary>
    /// <value>The default is no limit.</value>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Gets the number of runs evaluated at the same time.</summary>
    /// <value>The default value is 1.</value>
    public int MaxConcurrentTrials { get; init; } = 1;

    /// <summary>
    /// Gets a value indicating whether runs evaluated at the same time are shown to the tuner in run order, so that the
    /// same seed gives the same configurations whichever run finishes first.
    /// </summary>
    /// <value>
    /// The default value is <see langword="false"/>: each finished run is shown to the tuner at once, so with
    /// <see cref="MaxConcurrentTrials"/> above 1 a model-based tuner's choices depend on the order runs finish in. With
    /// <see langword="true"/> and k runs at a time, run n starts only once runs 0..n-k have finished, and the tuner has
    /// seen exactly those, in run order, with runs n-k+1..n-1 as the running ones; a pruner judges run n against the
    /// same runs 0..n-k only. Results that finish early wait for their turn, so a slow run holds back the start of
    /// later ones. One run at a time is reproducible either way.
    /// </value>
    /// <remarks>
    /// Whether a run was reproducible by construction is recorded in its result's metadata (<c>reproducible</c>, and
    /// <c>reproducibility</c> saying why in one line). A time budget that stops the experiment, a cancellation, a run
    /// that times out, resuming from stored trials, other workers on the same <see cref="Storage"/> and configurations
    /// enqueued while it runs all make it not reproducible, whatever this setting. Grid, random and quasi-random search
    /// never depend on results and need no run order unless a pruner is set.
    /// </remarks>
    public bool Reproducible { get; init; }

    /// <summary>Gets the longest one attempt of a run may take before it fails as timed out.</summary>
    /// <value>The default is no limit.</value>
    public TimeSpan? TrialTimeout { get; init; }

    /// <summary>Gets how failing runs are retried.</summary>
    /// <value>The default is no retry: an objective that throws yields a failed run at once.</value>
    public RetryOptions? Retry { get; init; }

    /// <summary>Gets the seed of the tuner; the same seed gives the same configurations.</summary>
    /// <value>The default is a seed drawn at random and recorded in the result's metadata (<c>seed</c>).</value>
    public int? Seed { get; init; }

    /// <summary>Gets a results journal file (JSON lines) each finished run is appended to; an existing journal is resumed.</summary>
    /// <value>The default is no journal.</value>
    /// <remarks>
    /// Without a <see cref="Storage"/> this is a shorthand for a <see cref="JournalExperimentStorage"/> of the file,
    /// which the experiment opens and closes: the journal holds this experiment alone, and another experiment (in this
    /// process or another) opening it while it is open is refused. With a storage as well, the journal is an export
    /// of the stored experiment: each run finished here is appended as it finishes and the runs finished elsewhere when
    /// the experiment ends; experiments of the same name in the same storage may share one journal across processes,
    /// each run written once. A journal that holds runs the storage does not is refused (<see cref="Results.ResultFormatException"/>).
    /// </remarks>
    public string? JournalPath { get; init; }

    /// <summary>Gets the storage the experiment's trials live in, shared with every worker of the same experiment name.</summary>
    /// <value>
    /// The default is none: trials live in this process, or in the journal of <see cref="JournalPath"/>. With a storage,
    /// <see cref="Name"/> is required; an existing experiment of that name is resumed or joined.
    /// </value>
    public IExperimentStorage? Storage { get; init; }

    /// <summary>Gets this worker's id in the storage.</summary>
    /// <value>The default is the machine name, process id and a random suffix.</value>
    public string? WorkerId { get; init; }

    /// <summary>Gets how long a stored trial stays claimed without a heartbeat before other workers take it over.</summary>
    /// <value>The default value is 30 seconds; heartbeats are sent every third of it.</value>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets a value indicating whether failed runs recorded earlier in the <see cref="Storage"/> or the journal
    /// (<see cref="JournalPath"/>) are run again when the experiment resumes, e.g. after the endpoint that made them fail
    /// was fixed (what Optuna users do with <c>RetryFailedTrialCallback</c>).
    /// </summary>
    /// <value>
    /// The default value is <see langword="true"/>: each failed configuration is evaluated again as a new run (a new run
    /// number) before the tuner proposes others, and the failed run no longer counts toward <see cref="NumSamples"/> nor
    /// appears in the result. In a storage the failed trial becomes <see cref="TrialState.Abandoned"/> (its row is kept);
    /// in a journal its line stays and is superseded by the later run of its configuration. With
    /// <see langword="false"/> failed runs are kept as they are: they count toward the budget and are not run again.
    /// </value>
    /// <remarks>
    /// Failed runs are looked up once, when the experiment is created; runs failing while it runs are not retried by it.
    /// A worker joining a stored experiment others are running retries the failures present at that moment too: set
    /// <see langword="false"/> for workers that should only join.
    /// </remarks>
    public bool RetryFailedRuns { get; init; } = true;

    /// <summary>Gets settings saved with a new stored experiment so other workers can join it (e.g. the objective's declaration).</summary>
    public IReadOnlyDictionary<string, object?>? StoredSettings { get; init; }

    /// <summary>Gets the receiver of each finished run, called on the thread that finished it.</summary>
    public IProgress<RunResult>? Progress { get; init; }

    /// <summary>Gets a value indicating whether the same configuration may be evaluated more than once.</summary>
    /// <value>The default value is <see langword="false"/>: duplicates proposed by the tuner are skipped.</value>
    public bool AllowRepeats { get; init; }

    /// <summary>Gets the clock for time budgets, timeouts and run timings.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate(SearchSpace space)
    {
        if (NumSamples is < 1)
        {
            throw new ArgumentException($"NumSamples must be at least 1, got {NumSamples}.");
        }

        if (Repeats < 1)
        {
            throw new ArgumentException($"Repeats must be at least 1, got {Repeats}.");
        }

        if (MaxConcurrentTrials < 1)
        {
            throw new ArgumentException($"MaxConcurrentTrials must be at least 1, got {MaxConcurrentTrials}.");
        }

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            throw new ArgumentException($"TimeBudget must be positive, got {budget}.");
        }

        if (TrialTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"TrialTimeout must be positive, got {timeout}.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (Storage is not null && string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("An experiment kept in a storage needs a Name: workers join it by name.");
        }

        if (LeaseDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"LeaseDuration must be positive, got {LeaseDuration}.");
        }
        Retry?.Validate();
        for (int i = 0; i < (EnqueuedConfigurations?.Count ?? 0); i++)
        {
            _ = EnqueuedConfigurations![i] ?? throw new ArgumentException($"EnqueuedConfigurations[{i}] is null.");
        }

        ObjectiveVectors.Validate(Objectives, nameof(Objectives));
        if (ExperimentCheck.Problems(space, this) is [var problem, ..])
        {
            throw problem.Kind == ExperimentProblemKind.GridOverContinuousDomain
                ? new SearchSpaceException(problem.Parameter!, problem.Reason!)
                : new ArgumentException(problem.Message);
        }
    }
}
