using Nomadic.Results;

namespace Nomadic.Tuning.LocalSearch;

/// <summary>
/// Keeps track of the configurations a tuner handed out, the values of those finished, and those the experiment
/// turned down, so results find the search that proposed them and nothing is proposed twice.
/// </summary>
internal sealed class ProposalLedger
{
    private readonly SearchSpace _space;
    private readonly IReadOnlyList<string> _names;
    private readonly Dictionary<ConfigurationKey, Proposal> _pending = [];
    private readonly Dictionary<ConfigurationKey, double> _finished = [];
    private readonly HashSet<ConfigurationKey> _rejected = [];
    private ConfigurationKey? _last;

    /// <summary>Initializes a new instance of the <see cref="ProposalLedger"/> class.</summary>
    /// <param name="space">The search space, whose parameters identify a configuration.</param>
    public ProposalLedger(SearchSpace space)
    {
        _space = space;
        _names = space.Names;
    }

    /// <summary>Gets the number of distinct configurations of the space finished.</summary>
    public long FinishedCount { get; private set; }

    /// <summary>Gets the identity of a configuration.</summary>
    /// <param name="configuration">Values by parameter name.</param>
    /// <returns>The key.</returns>
    public ConfigurationKey KeyOf(IReadOnlyDictionary<string, object?> configuration) => ConfigurationKey.Of(_names, configuration);

    /// <summary>Looks up the value of a finished configuration.</summary>
    /// <param name="key">The configuration.</param>
    /// <param name="value">Its best value; <see cref="double.NaN"/> if it only failed.</param>
    /// <returns>Whether the configuration has finished.</returns>
    public bool TryGetFinished(ConfigurationKey key, out double value) => _finished.TryGetValue(key, out value);

    /// <summary>Records that a configuration was handed out.</summary>
    /// <param name="key">The configuration.</param>
    /// <param name="proposal">Who proposed it, and from where.</param>
    public void Issue(ConfigurationKey key, Proposal proposal)
    {
        _pending[key] = proposal;
        _last = key;
    }

    /// <summary>
    /// Withdraws the configuration handed out last when the experiment turned it down (it asks again with a count of
    /// rejections), so the search that proposed it does not wait for its result.
    /// </summary>
    /// <param name="context">The context of the new request.</param>
    /// <returns>The withdrawn proposal, or <see langword="null"/>.</returns>
    public Proposal? TakeRejected(TunerContext context)
    {
        Proposal? withdrawn = null;
        if (context.RejectedSuggestions > 0 && _last is ConfigurationKey key && _pending.Remove(key, out withdrawn))
        {
            _rejected.Add(key);
        }

        _last = null;
        return withdrawn;
    }

    /// <summary>Gets the configurations not to propose now: running (here or elsewhere), awaited, or turned down.</summary>
    /// <param name="context">The experiment's state.</param>
    /// <returns>A new set.</returns>
    public HashSet<ConfigurationKey> Busy(TunerContext context)
    {
        var busy = new HashSet<ConfigurationKey>(_rejected);
        busy.UnionWith(_pending.Keys);
        busy.UnionWith(context.RunningConfigurations.Select(KeyOf));
        return busy;
    }

    /// <summary>Records a finished run and returns the proposal it answers, if the tuner handed it out.</summary>
    /// <param name="run">The run.</param>
    /// <param name="value">Its value to minimize, <see cref="double.NaN"/> when it has none.</param>
    /// <returns>The proposal, or <see langword="null"/> for a run the tuner did not propose.</returns>
    public Proposal? Finish(RunResult run, double value)
    {
        ConfigurationKey key = KeyOf(run.Params);
        if (!_finished.ContainsKey(key) && _space.Contains(run.Params))
        {
            FinishedCount++;
        }

        _finished[key] = _finished.TryGetValue(key, out double earlier) && (double.IsNaN(value) || earlier <= value) ? earlier : value;
        _rejected.Remove(key);
        return _pending.Remove(key, out Proposal? proposal) ? proposal : null;
    }
}
