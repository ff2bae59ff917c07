using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Testing;

/// <summary>
/// The behaviour every <see cref="IExperimentStorage"/> must have, as xUnit tests: derive a test class from it and
/// override <see cref="CreateStorage"/>; the derived class runs every test against the storage it creates.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyStorageTests : ExperimentStorageConformance
/// {
///     protected override IExperimentStorage CreateStorage() => new MyStorage();
/// }
/// </code>
/// </example>
public abstract partial class ExperimentStorageConformance : IDisposable
{
    private readonly Lazy<IExperimentStorage> _storage;

    /// <summary>Prepares the storage to be created on first use by a test.</summary>
    protected ExperimentStorageConformance()
    {
        _storage = new Lazy<IExperimentStorage>(CreateStorage);
    }

    /// <summary>Gets the storage under test, created by <see cref="CreateStorage"/> on first use and disposed with the test.</summary>
    protected IExperimentStorage Storage => _storage.Value;

    /// <summary>Gets the search space of the experiments the tests create: a choice, an integer and a log-uniform float.</summary>
    protected static SearchSpace Space => new() { ["opt"] = Tune.Choice("sgd", "adam"), ["n"] = Tune.RandInt(0, 100), ["lr"] = Tune.LogUniform(1e-4, 1) };

    /// <summary>Gets the current time, the start of the claims and leases the tests make.</summary>
    protected static DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>Gets a value indicating whether the storage holds more than one experiment (a journal file holds one).</summary>
    protected virtual bool HoldsManyExperiments => true;

    /// <summary>Disposes the storage if a test created it; an override disposing more must call this one.</summary>
    public virtual void Dispose()
    {
        if (_storage.IsValueCreated)
        {
            _storage.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates an empty storage (or one whose experiment names the tests do not use); called once per test.</summary>
    /// <returns>The storage under test, which the suite disposes.</returns>
    protected abstract IExperimentStorage CreateStorage();

    /// <summary>The definition of an experiment over <see cref="Space"/> with a few settings.</summary>
    /// <param name="name">The experiment's name.</param>
    /// <param name="direction">Whether higher or lower scores are better.</param>
    /// <param name="space">The search space; <see cref="Space"/> when <see langword="null"/>.</param>
    /// <returns>The definition.</returns>
    protected static ExperimentDefinition Definition(string name, Direction direction = Direction.Maximize, SearchSpace? space = null) =>
        new(name, direction, space ?? Space, new Dictionary<string, object?> { ["num_samples"] = 10, ["objective"] = new Dictionary<string, object?> { ["builtin"] = "x2" } });

    /// <summary>A name no other test uses, for storages shared between tests.</summary>
    /// <param name="prefix">The start of the name.</param>
    /// <returns>The prefix followed by a new GUID.</returns>
    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Claims a trial of a configuration whose parameter <c>k</c> is <paramref name="key"/>.</summary>
    /// <param name="experimentId">The experiment's id.</param>
    /// <param name="key">The configuration key.</param>
    /// <param name="worker">The claiming worker.</param>
    /// <param name="max">The most trials the experiment may hold, or <see langword="null"/> for no limit.</param>
    /// <param name="lease">When the lease ends; a minute from <see cref="Now"/> when <see langword="null"/>.</param>
    /// <param name="baseline">Whether the trial runs the baseline configuration.</param>
    /// <returns>The storage's answer.</returns>
    protected ClaimResult Claim(long experimentId, string key, string worker = "w1", int? max = null, DateTimeOffset? lease = null, bool baseline = false) =>
        Storage.TryClaim(new ClaimRequest(experimentId, key, new Dictionary<string, object?> { ["opt"] = "adam", ["n"] = 3, ["lr"] = 0.01, ["k"] = key }, baseline, worker, Now, lease ?? Now.AddMinutes(1), max));
}
