using Nomadic.Results;

namespace Nomadic.Pruning;

/// <summary>
/// Hyperband (Li et al. 2018; Optuna's <c>HyperbandPruner</c>): several <see cref="SuccessiveHalvingPruner"/> brackets
/// that stop runs more or less early, so no single early-stopping rate has to be right.
/// </summary>
/// <remarks>
/// There are <c>floor(log_η(MaxResource / MinResource)) + 1</c> brackets; bracket <c>b</c> is successive halving with
/// minimum early-stopping rate <c>b</c>. Each run belongs to one bracket, chosen by a hash of the experiment's name and
/// the run's number (CRC-32 of <c>"{name}_{number}"</c>, as Optuna does), so every worker agrees; brackets that stop
/// early get more runs. A run is compared only with the runs of its bracket.
/// </remarks>
public sealed class HyperbandPruner : IPruner
{
    private volatile Setup? _setup;

    /// <summary>Initializes a new instance of the <see cref="HyperbandPruner"/> class.</summary>
    /// <param name="options">The settings; Optuna's defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public HyperbandPruner(HyperbandPrunerOptions? options = null)
    {
        Options = options ?? new HyperbandPrunerOptions();
        Options.Validate();
        if (Options.MaxResource is int maxResource)
        {
            _setup = new Setup(Options, maxResource);
        }
    }

    /// <summary>Gets the settings.</summary>
    public HyperbandPrunerOptions Options { get; }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((_setup ?? TrySetUp(context)) is not Setup setup)
        {
            return false;
        }

        string? name = context.ExperimentName;
        int bracket = setup.Brackets.Of(name, context.TrialNumber);
        var inBracket = new PruningContext
        {
            TrialNumber = context.TrialNumber,
            IntermediateValues = context.IntermediateValues,
            Direction = context.Direction,
            ExperimentName = name,
            FinishedRuns = context.FinishedRuns.Where(r => setup.Brackets.Of(name, r.TrialNumber) == bracket).ToList(),
            RunningTrials = context.RunningTrials.Where(t => setup.Brackets.Of(name, t.TrialNumber) == bracket).ToList(),
        };
        return setup.Pruners[bracket].ShouldPrune(inBracket);
    }

    /// <summary>Gets the bracket of a run, or <see langword="null"/> while the maximum resource is still unknown.</summary>
    internal int? BracketOf(string? experimentName, int trialNumber) => _setup?.Brackets.Of(experimentName, trialNumber);

    /// <summary>Gets the number of brackets, or 0 while the maximum resource is still unknown.</summary>
    internal int BracketCount => _setup?.Brackets.Count ?? 0;

    // Optuna's "auto": one more than the last step of a completed run, fixed at the first run to complete.
    private Setup? TrySetUp(PruningContext context)
    {
        int longest = context.FinishedRuns
            .Where(r => r.Status == RunStatus.Completed && r.IntermediateValues.Count > 0)
            .Select(r => r.IntermediateValues[^1].Step)
            .DefaultIfEmpty(-1)
            .Max();
        if (longest < 0)
        {
            return null;
        }

        var setup = new Setup(Options, Math.Max(longest + 1, Options.MinResource));
        return Interlocked.CompareExchange(ref _setup, setup, null) ?? setup;
    }

    private sealed class Setup
    {
        public Setup(HyperbandPrunerOptions options, int maxResource)
        {
            Brackets = new HyperbandBrackets(options.MinResource, maxResource, options.ReductionFactor);
            Pruners = Enumerable.Range(0, Brackets.Count)
                .Select(bracket => new SuccessiveHalvingPruner(new SuccessiveHalvingPrunerOptions
                {
                    MinResource = options.MinResource,
                    ReductionFactor = options.ReductionFactor,
                    MinEarlyStoppingRate = bracket,
                    BootstrapCount = options.BootstrapCount,
                }))
                .ToArray();
        }

        public HyperbandBrackets Brackets { get; }

        public SuccessiveHalvingPruner[] Pruners { get; }
    }
}
