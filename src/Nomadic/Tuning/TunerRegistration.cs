namespace Nomadic.Tuning;

/// <summary>One tuner of a <see cref="TunerCatalog"/>: its name, how to create it and what the rules need to know of it.</summary>
/// <param name="Name">The name experiment files and the command line use; the tuner's <see cref="ITuner.Name"/>.</param>
/// <param name="Create">Creates a new tuner, one per experiment; the experiment passes the seed when it initializes it.</param>
/// <param name="Capabilities">What the tuner can do.</param>
public sealed record TunerRegistration(string Name, Func<ITuner> Create, TunerCapabilities Capabilities)
{
    /// <summary>Tells whether the tuner has a capability.</summary>
    /// <param name="capability">The capability.</param>
    /// <returns><see langword="true"/> when the registration declares it.</returns>
    public bool Has(TunerCapabilities capability) => (Capabilities & capability) == capability;
}
