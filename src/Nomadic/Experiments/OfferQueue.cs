using System.Diagnostics.CodeAnalysis;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// The configurations to evaluate before the tuner is asked again, in order: the baseline, enqueued configurations,
/// failed runs retried on resume and trials given back unevaluated. Not thread-safe: the experiment's lock guards it.
/// </summary>
internal sealed class OfferQueue(IReadOnlyList<string> names)
{
    private readonly Queue<Offer> _offers = new();

    public int Count => _offers.Count;

    /// <summary>Adds a configuration, copied, with its key computed from the search space's names.</summary>
    public void Add(IReadOnlyDictionary<string, object?> parameters, bool isBaseline) =>
        Add(parameters, ConfigurationKey.Of(names, parameters), isBaseline);

    /// <summary>Adds a configuration, copied, whose key is known.</summary>
    public void Add(IReadOnlyDictionary<string, object?> parameters, ConfigurationKey key, bool isBaseline) =>
        _offers.Enqueue(new Offer(new Dictionary<string, object?>(parameters), key, isBaseline));

    public bool TryTake([NotNullWhen(true)] out Offer? offer) => _offers.TryDequeue(out offer);

    /// <summary>A configuration waiting to be evaluated.</summary>
    internal sealed record Offer(Dictionary<string, object?> Params, ConfigurationKey Key, bool IsBaseline);
}
