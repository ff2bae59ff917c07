namespace Nomadic.Tuning;

/// <summary>What the experiment's rules need to know about a tuner, as registered in a <see cref="TunerCatalog"/>.</summary>
[Flags]
public enum TunerCapabilities
{
    /// <summary>None of the capabilities below: the tuner may propose configurations for ever.</summary>
    None = 0,

    /// <summary>
    /// On a finite (enumerable) search space the tuner stops once every configuration has run, so an experiment needs
    /// no run budget there.
    /// </summary>
    StopsWhenSpaceIsExhausted = 1,

    /// <summary>
    /// The tuner walks the grid of every domain's values exactly once: every domain must be enumerable, and the
    /// experiment makes as many runs as the grid has points.
    /// </summary>
    EnumeratesGrid = 2,
}
