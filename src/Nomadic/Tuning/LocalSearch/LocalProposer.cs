namespace Nomadic.Tuning.LocalSearch;

/// <summary>
/// Asks a local search for configurations until one is new: a configuration already finished is answered from the
/// ledger at once, one running or turned down is skipped for another direction.
/// </summary>
internal sealed class LocalProposer
{
    private readonly UnitSpace _space;
    private readonly ProposalLedger _ledger;

    /// <summary>Initializes a new instance of the <see cref="LocalProposer"/> class.</summary>
    /// <param name="space">The normalized space.</param>
    /// <param name="ledger">The configurations handed out and finished.</param>
    public LocalProposer(UnitSpace space, ProposalLedger ledger)
    {
        _space = space;
        _ledger = ledger;
    }

    /// <summary>Gets a new configuration from <paramref name="thread"/> and records it as handed out.</summary>
    /// <param name="thread">The local search.</param>
    /// <param name="busy">The configurations not to propose; the returned one is added.</param>
    /// <param name="gridPoint">The values of the grid-search parameters.</param>
    /// <param name="attempts">How many points to try.</param>
    /// <returns>The configuration, or <see langword="null"/> when the thread converged or every point tried was taken.</returns>
    public Dictionary<string, object?>? Propose(LocalThread thread, HashSet<ConfigurationKey> busy, IReadOnlyDictionary<string, object?> gridPoint, int attempts)
    {
        for (int attempt = 0; attempt < attempts && !thread.IsConverged; attempt++)
        {
            int version = thread.Version;
            double[] point = thread.Propose();
            Dictionary<string, object?> configuration = _space.Decode(point, gridPoint);
            ConfigurationKey key = _ledger.KeyOf(configuration);
            if (_ledger.TryGetFinished(key, out double value))
            {
                thread.Report(version, point, value);
            }
            else if (busy.Add(key))
            {
                _ledger.Issue(key, new Proposal(thread, version, point));
                thread.Progress.Started();
                return configuration;
            }
        }

        return null;
    }
}
