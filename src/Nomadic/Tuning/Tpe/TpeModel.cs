using Nomadic.Results;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// The TPE model of a group of parameters that exist together: the runs in which they exist, their split into good and
/// bad, and the proposer drawing new values. An unconditional space is a single group.
/// </summary>
/// <remarks>
/// Conditional parameters are modelled from the runs where they exist only, like Optuna's TPE with <c>group=True</c>
/// decomposes a conditional space into subspaces, so runs in which a parameter had no effect do not blur its model.
/// </remarks>
internal sealed class TpeModel
{
    private readonly TpeOptions _options;
    private readonly ObservationHistory _history;
    private readonly ObservationSplit _split;
    private readonly ITpeProposer _proposer;
    private readonly object?[] _values;

    public TpeModel(TpeSpace space, TpeOptions options, Direction direction, IReadOnlyList<ObjectiveMetric> objectives)
    {
        Space = space;
        _options = options;
        _history = new ObservationHistory(space, direction, keepSortedNumbers: !options.Multivariate, objectives);
        _split = new ObservationSplit(space, options);
        _proposer = options.Multivariate ? new JointTpe(space, options) : new IndependentTpe(space, options, _history);
        _values = new object?[space.Count];
    }

    public TpeSpace Space { get; }

    /// <summary>Adds a finished run, if the group's parameters exist in it.</summary>
    public void Observe(RunResult run) => _history.Add(run);

    /// <summary>Writes values for the group's parameters into <paramref name="configuration"/>.</summary>
    public void Propose(TunerContext context, System.Random random, bool drawAtRandom, Dictionary<string, object?> configuration)
    {
        if (_history.Count < _options.StartupTrials || drawAtRandom)
        {
            for (int p = 0; p < _values.Length; p++)
            {
                _values[p] = Space.Domains[p].Sample(random);
            }
        }
        else
        {
            _split.Update(_history, _options.ConstantLiar ? context.RunningConfigurations : []);
            _split.Partition();
            _proposer.Propose(_split, random, _values);
        }

        foreach (KeyValuePair<string, object?> fixedValue in Space.FixedValues)
        {
            configuration[fixedValue.Key] = fixedValue.Value;
        }

        for (int p = 0; p < _values.Length; p++)
        {
            configuration[Space.Names[p]] = _values[p];
        }
    }
}
