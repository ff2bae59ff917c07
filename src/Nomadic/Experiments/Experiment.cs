using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// One search over a search space: a tuner proposes configurations, the objective scores them, and the runs make up an
/// <see cref="ExperimentResult"/>. Drive it with <see cref="RunAsync"/>, or with <see cref="Ask"/> and
/// <see cref="Tell(Trial, RunResult)"/> from a loop of your own. An experiment runs once.
/// </summary>
/// <example>
/// <code>
/// var space = new SearchSpace { ["lr"] = Tune.LogUniform(1e-4, 1e-1), ["layers"] = Tune.RandInt(1, 5) };
/// var experiment = new Experiment(space, p => Train(p), new ExperimentOptions { NumSamples = 50, Seed = 7 });
/// ExperimentResult result = await experiment.RunAsync();
/// Console.WriteLine(result.BestRunResult);
/// </code>
/// </example>
public sealed class Experiment : IDisposable
{
    private readonly ExperimentState _state;
    private readonly TrialEvaluator _evaluator;
    private readonly StorageSession? _session;
    private readonly IExperimentStorage? _opened;
    private readonly string _tunerName;
    private int _started;

    /// <summary>Initializes a new instance of the <see cref="Experiment"/> class.</summary>
    /// <param name="searchSpace">The parameters to tune.</param>
    /// <param name="objective">What to optimize.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    /// <exception cref="SearchSpaceException">The tuner cannot explore the search space.</exception>
    /// <exception cref="ResultFormatException">The journal exists but belongs to another experiment, is damaged, or holds runs the storage does not.</exception>
    /// <exception cref="IOException">The journal is open in another process (or experiment) it may not be shared with; see <see cref="ExperimentOptions.JournalPath"/>.</exception>
    /// <exception cref="StorageException">The storage holds an experiment of that name with another search space, direction or objectives.</exception>
    public Experiment(SearchSpace searchSpace, IObjective objective, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        ArgumentNullException.ThrowIfNull(objective);
        Options = options ?? new ExperimentOptions();
        Options.Validate(searchSpace);
        SearchSpace = searchSpace;
        ITuner tuner = Options.Tuner ?? TunerCatalog.Default.Create(TunerCatalog.DefaultTunerName(searchSpace, Options.NumSamples));
        _tunerName = tuner.Name;
        _evaluator = new TrialEvaluator(objective, Options);
        IExperimentStorage? storage = StorageChoice.For(Options);
        _opened = ReferenceEquals(storage, Options.Storage) ? null : storage;
        try
        {
            _session = storage is null ? null : new StorageSession(storage, Options, searchSpace);
            _state = new ExperimentState(searchSpace, Options, tuner, Options.Seed ?? System.Random.Shared.Next(), _session);
        }
        catch
        {
            _opened?.Dispose();
            throw;
        }
    }

    /// <summary>Initializes a new instance of the <see cref="Experiment"/> class with an objective returning a score.</summary>
    /// <param name="searchSpace">The parameters to tune.</param>
    /// <param name="objective">A function of the parameters returning the score.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    public Experiment(SearchSpace searchSpace, Func<IReadOnlyDictionary<string, object?>, double> objective, ExperimentOptions? options = null)
        : this(searchSpace, Objective.Create(objective), options)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="Experiment"/> class with an objective returning a run result.</summary>
    /// <param name="searchSpace">The parameters to tune.</param>
    /// <param name="objective">A function of the parameters returning score and metadata.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    public Experiment(SearchSpace searchSpace, Func<IReadOnlyDictionary<string, object?>, RunResult> objective, ExperimentOptions? options = null)
        : this(searchSpace, Objective.Create(objective), options)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="Experiment"/> class with an asynchronous objective returning a score.</summary>
    /// <param name="searchSpace">The parameters to tune.</param>
    /// <param name="objective">An asynchronous function of the parameters returning the score.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    public Experiment(SearchSpace searchSpace, Func<IReadOnlyDictionary<string, object?>, CancellationToken, Task<double>> objective, ExperimentOptions? options = null)
        : this(searchSpace, Objective.Create(objective), options)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="Experiment"/> class with an asynchronous objective returning a run result.</summary>
    /// <param name="searchSpace">The parameters to tune.</param>
    /// <param name="objective">An asynchronous function of the parameters returning score and metadata.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    public Experiment(SearchSpace searchSpace, Func<IReadOnlyDictionary<string, object?>, CancellationToken, Task<RunResult>> objective, ExperimentOptions? options = null)
        : this(searchSpace, Objective.Create(objective), options)
    {
    }

    /// <summary>Gets the search space.</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>Gets the settings.</summary>
    public ExperimentOptions Options { get; }

    /// <summary>Gets the result so far: every finished run in run-number order (a snapshot).</summary>
    public ExperimentResult Result => _state.Snapshot(_tunerName);

    /// <summary>Runs the experiment until its budget is spent, the tuner has nothing left, or cancellation.</summary>
    /// <param name="cancellationToken">
    /// Stops the experiment promptly; runs in progress are cancelled and not recorded: whatever exception (or failed
    /// result) the objective ends with once the token is cancelled, the run counts as interrupted, not failed, and its
    /// configuration is offered again when the experiment resumes.
    /// </param>
    /// <returns>
    /// The result with every run that finished; with a storage (or journal), every finished run it holds for the
    /// experiment, other workers' and earlier sessions' included.
    /// </returns>
    /// <exception cref="StorageException">The storage failed to record a run. A run whose trial another worker took over (its lease ran out) is left to that worker and counted in the result's <c>runs_taken_over</c> metadata.</exception>
    /// <exception cref="InvalidOperationException">The experiment was already run.</exception>
    public async Task<ExperimentResult> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("An experiment runs once; create a new Experiment (with the same journal to continue it).");
        }

        using var budget = Options.TimeBudget is TimeSpan limit ? new CancellationTokenSource(limit, Options.TimeProvider) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        using var heartbeatStop = new CancellationTokenSource();
        Task heartbeat = _session is null ? Task.CompletedTask : Heartbeat.RunAsync(_state, Options, heartbeatStop.Token);
        try
        {
            if (Options.MaxConcurrentTrials == 1)
            {
                await WorkAsync(stop.Token).ConfigureAwait(false);
            }
            else
            {
                Task[] workers = new Task[Options.MaxConcurrentTrials];
                for (int i = 0; i < workers.Length; i++)
                {
                    workers[i] = Task.Run(() => WorkAsync(stop.Token), CancellationToken.None);
                }

                await Task.WhenAll(workers).ConfigureAwait(false);
            }
        }
        finally
        {
            if (stop.IsCancellationRequested)
            {
                _state.Stop(cancellationToken.IsCancellationRequested ? StopReasons.Cancelled : StopReasons.TimeBudget);
            }

            await heartbeatStop.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            _opened?.Dispose();
        }

        return _session?.Complete(Result) ?? Result;
    }

    /// <summary>
    /// Closes the storage the experiment opened itself (the journal of <see cref="ExperimentOptions.JournalPath"/>) for
    /// an experiment driven with <see cref="Ask"/> and <see cref="Tell(Trial, RunResult)"/>; <see cref="RunAsync"/>
    /// closes it itself. A storage passed in <see cref="ExperimentOptions.Storage"/> stays open.
    /// </summary>
    public void Dispose() => _opened?.Dispose();

    /// <summary>
    /// Queues a configuration to be evaluated before the tuner proposes another (Optuna's <c>enqueue_trial</c>); with
    /// <see cref="RunAsync"/> already running it is picked up by the next free slot. A configuration already evaluated
    /// is not run again.
    /// </summary>
    /// <param name="configuration">A value for every parameter that exists in it; fixed parameters are added.</param>
    /// <exception cref="ArgumentException">The configuration lies outside the search space; the message names the parameter.</exception>
    public void Enqueue(IReadOnlyDictionary<string, object?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (SearchSpace.FindProblem(SearchSpace.Activate(configuration)) is string problem)
        {
            throw new ArgumentException($"The enqueued configuration is outside the search space: {problem}.", nameof(configuration));
        }

        _state.Enqueue(configuration);
    }

    /// <summary>Hands out the next configuration to evaluate, or <see langword="null"/> when the experiment is over.</summary>
    /// <returns>The trial; report its outcome with <see cref="Tell(Trial, RunResult)"/>.</returns>
    /// <exception cref="InvalidOperationException">
    /// With <see cref="ExperimentOptions.Reproducible"/>, <see cref="ExperimentOptions.MaxConcurrentTrials"/> trials are
    /// out and the earliest of them was not told yet: in run order no more may start before it.
    /// </exception>
    public Trial? Ask()
    {
        Trial? trial = _state.Ask(out Task? turn);
        return turn is null ? trial : throw new InvalidOperationException(
            $"In run order (Reproducible) at most {Options.MaxConcurrentTrials} trials may be out at a time: tell the earliest before asking for another.");
    }

    /// <summary>Records the outcome of a trial handed out by <see cref="Ask"/>; a completed outcome whose score is NaN or infinite records a failed run, as every storage keeps it.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="outcome">Its outcome; its parameters are replaced by the trial's.</param>
    /// <returns>The run as recorded, with number, timing and baseline mark.</returns>
    /// <exception cref="InvalidOperationException">The trial was already told or abandoned.</exception>
    /// <exception cref="StorageException">
    /// The storage did not record the run: it failed, or the trial's lease ran out and another worker took it over (the
    /// message says so; that worker runs the configuration). The trial is given up.
    /// </exception>
    public RunResult Tell(Trial trial, RunResult outcome)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(outcome);
        return Record(trial, outcome) ?? throw new StorageException(
            $"{_session!.Location}: run {trial.Number} was not recorded: its lease ran out and another worker took the trial over; a longer LeaseDuration keeps long pauses from losing runs");
    }

    /// <summary>Records the score of a trial handed out by <see cref="Ask"/>; a NaN or infinite score records a failed run.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="score">Its score.</param>
    /// <returns>The run as recorded.</returns>
    public RunResult Tell(Trial trial, double score)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return Tell(trial, new RunResult(score, trial.Params));
    }

    /// <summary>Gives a trial back unevaluated (e.g. its worker stopped); its configuration may be handed out again.</summary>
    /// <param name="trial">The trial.</param>
    public void Abandon(Trial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        _state.Abandon(trial);
    }

    private async Task WorkAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (_state.Ask(out Task? turn) is not Trial trial)
            {
                if (turn is not null)
                {
                    await turn.WaitAsync(stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                if (!_state.ShouldWaitForOthers || !await Heartbeat.PauseAsync(_state.PollInterval, Options.TimeProvider, stop).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            RunResult? outcome = await _evaluator.EvaluateAsync(trial, stop).ConfigureAwait(false);

            // An objective that reports its own errors may turn the cancellation into a failed run: it was interrupted.
            if (outcome is null || (outcome.Status == RunStatus.Failed && stop.IsCancellationRequested))
            {
                _state.Abandon(trial);
                return;
            }

            // A run another worker took over is that worker's to record (counted in the result's runs_taken_over).
            Record(trial, outcome);
        }
    }

    private RunResult? Record(Trial trial, RunResult outcome)
    {
        if (outcome.Status == RunStatus.Completed && !double.IsFinite(outcome.Score))
        {
            outcome = RunResult.Failed(trial.Params, $"the score is {ParamValue.ToDisplayString(outcome.Score)}, not a finite number", outcome.Metadata);
        }

        RunResult? run = _state.Tell(trial, outcome);
        if (run is not null)
        {
            Options.Progress?.Report(run);
        }

        return run;
    }
}
