using Nomadic.Results;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tuning;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011), after Optuna 3.1's <c>TPESampler</c>: the finished runs
/// are split into the best few and the rest, a density is fitted to each, and the candidate most likely under the
/// first relative to the second is proposed. The first runs are drawn at random.
/// </summary>
/// <remarks>
/// <para>
/// Float, integer (linear or log, with or without a step) and categorical domains are modelled; parameters declared
/// with <see cref="Tune.GridSearch{T}(T[])"/> are enumerated as <see cref="RandomTuner"/> does and the rest modelled.
/// Failed runs are left out of the model; pruned runs count as worse than every completed run. With
/// <see cref="TpeOptions.ConstantLiar"/>, configurations still running count as the worst of all.
/// </para>
/// <para>
/// The experiment rejects a configuration it has already seen and asks again; after two such rejections in a row the
/// tuner draws at random, so a small discrete space is still explored to its end.
/// </para>
/// </remarks>
public sealed class TpeTuner : ITuner
{
    private const int RejectionsBeforeRandom = 2;

    private readonly TpeOptions _options;
    private readonly Dictionary<string, object?> _gridPoint = new(StringComparer.Ordinal);
    private System.Random? _random;
    private SearchSpace? _searchSpace;
    private TpeSpace? _space;
    private ObservationHistory? _history;
    private ObservationSplit? _split;
    private ITpeProposer? _proposer;
    private object?[] _values = [];

    /// <summary>Initializes a new instance of the <see cref="TpeTuner"/> class.</summary>
    /// <param name="options">The settings; Optuna's defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public TpeTuner(TpeOptions? options = null)
    {
        _options = options ?? new TpeOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "tpe";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _searchSpace = setup.SearchSpace;
        _gridPoint.Clear();
        _space = new TpeSpace(setup.SearchSpace);
        _random = new System.Random(_options.Seed ?? setup.Seed);
        _history = new ObservationHistory(_space, setup.Direction, keepSortedNumbers: !_options.Multivariate);
        _split = new ObservationSplit(_space, _options);
        _proposer = _options.Multivariate ? new JointTpe(_space, _options) : new IndependentTpe(_space, _options, _history);
        _values = new object?[_space.Count];
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_space is null || _random is null || _history is null || _split is null || _proposer is null)
        {
            throw new InvalidOperationException("The tuner was not initialized.");
        }

        _space.Grid?.NextCyclic(_gridPoint);
        if (_history.Count < _options.StartupTrials || context.RejectedSuggestions >= RejectionsBeforeRandom)
        {
            for (int p = 0; p < _values.Length; p++)
            {
                _values[p] = _space.Domains[p].Sample(_random);
            }
        }
        else
        {
            _split.Update(_history, _options.ConstantLiar ? context.RunningConfigurations : []);
            _split.Partition();
            _proposer.Propose(_split, _random, _values);
        }

        var configuration = new Dictionary<string, object?>(_searchSpace!.Count, StringComparer.Ordinal);
        foreach (string name in _searchSpace.Names)
        {
            configuration[name] = _gridPoint.TryGetValue(name, out object? value) ? value : null;
        }

        foreach (KeyValuePair<string, object?> fixedValue in _space.FixedValues)
        {
            configuration[fixedValue.Key] = fixedValue.Value;
        }

        for (int p = 0; p < _values.Length; p++)
        {
            configuration[_space.Names[p]] = _values[p];
        }

        return configuration;
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        (_history ?? throw new InvalidOperationException("The tuner was not initialized.")).Add(run);
    }
}
