namespace Nomadic.Tuning;

/// <summary>
/// Tuners by name (<see cref="ITuner.Name"/>), each with a factory and its <see cref="TunerCapabilities"/>. The
/// experiment's rules read the capabilities; experiment files name a tuner of <see cref="Default"/>.
/// </summary>
/// <example>
/// <code>
/// TunerCatalog.Default.Register("anneal", () => new AnnealingTuner(), TunerCapabilities.StopsWhenSpaceIsExhausted);
/// ITuner tuner = TunerCatalog.Default.Create("anneal");
/// </code>
/// </example>
public sealed class TunerCatalog
{
    private readonly Lock _lock = new();
    private TunerRegistration[] _registrations = [];

    /// <summary>Initializes a new instance of the <see cref="TunerCatalog"/> class with no tuner; see <see cref="WithBuiltInTuners"/>.</summary>
    public TunerCatalog()
    {
    }

    /// <summary>Gets the catalog the library and the command line use: the built-in tuners and any registered since.</summary>
    public static TunerCatalog Default { get; } = WithBuiltInTuners();

    /// <summary>Gets the registered names, in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _registrations.Select(r => r.Name)];

    /// <summary>Gets the registrations, in registration order.</summary>
    public IReadOnlyList<TunerRegistration> Registrations => _registrations;

    /// <summary>Creates a catalog holding the built-in tuners only, to extend without touching <see cref="Default"/>.</summary>
    /// <returns>A new catalog.</returns>
    public static TunerCatalog WithBuiltInTuners()
    {
        var catalog = new TunerCatalog();
        BuiltInTuners.RegisterIn(catalog);
        return catalog;
    }

    /// <summary>
    /// Names the tuner an experiment uses when none is given: grid search when the space is finite and no run budget
    /// is set, so every configuration runs once; otherwise <c>auto</c>.
    /// </summary>
    /// <param name="space">The search space.</param>
    /// <param name="numSamples">The number of runs asked for, if any.</param>
    /// <returns><c>grid</c> or <c>auto</c>.</returns>
    public static string DefaultTunerName(SearchSpace space, int? numSamples)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.IsEnumerable && numSamples is null ? "grid" : "auto";
    }

    /// <summary>Adds a tuner.</summary>
    /// <param name="name">The name, which should be the created tuner's <see cref="ITuner.Name"/>.</param>
    /// <param name="create">Creates a new tuner, one per experiment.</param>
    /// <param name="capabilities">What the tuner can do; the experiment's rules rely on it.</param>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public void Register(string name, Func<ITuner> create, TunerCapabilities capabilities)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        lock (_lock)
        {
            if (Find(name) is not null)
            {
                throw new ArgumentException($"A tuner named '{name}' is already registered.", nameof(name));
            }

            _registrations = [.. _registrations, new TunerRegistration(name, create, capabilities)];
        }
    }

    /// <summary>Tells whether a name is registered.</summary>
    /// <param name="name">The name, compared ordinally.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>Finds a registration by name.</summary>
    /// <param name="name">The name, compared ordinally.</param>
    /// <returns>The registration, or <see langword="null"/> when the name is not registered.</returns>
    public TunerRegistration? Find(string name) => Array.Find(_registrations, r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Creates a new tuner by name.</summary>
    /// <param name="name">The registered name.</param>
    /// <returns>A new tuner.</returns>
    /// <exception cref="KeyNotFoundException">The name is not registered; the message lists the names that are.</exception>
    public ITuner Create(string name) => Get(name).Create();

    /// <summary>Gets a registration by name.</summary>
    /// <param name="name">The registered name.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="KeyNotFoundException">The name is not registered; the message lists the names that are.</exception>
    public TunerRegistration Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"Unknown tuner '{name}'; expected one of: {string.Join(", ", Names)}.");

    /// <summary>
    /// Gets the capabilities of a tuner by its <see cref="ITuner.Name"/>; a tuner not registered is taken to stop once
    /// a finite space is exhausted.
    /// </summary>
    /// <param name="tuner">The tuner.</param>
    /// <returns>Its capabilities.</returns>
    public TunerCapabilities CapabilitiesOf(ITuner tuner)
    {
        ArgumentNullException.ThrowIfNull(tuner);
        return Find(tuner.Name)?.Capabilities ?? TunerCapabilities.StopsWhenSpaceIsExhausted;
    }
}
