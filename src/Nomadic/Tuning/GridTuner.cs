using Nomadic.Results;

namespace Nomadic.Tuning;

/// <summary>
/// Grid search: every combination of the domains' values (the full cartesian product), the first parameter varying
/// slowest, each exactly once.
/// </summary>
/// <remarks>
/// Choice, grid and integer domains enumerate their values; a float domain only with a step
/// (<see cref="Tune.QUniform"/>); any other domain is rejected when the experiment is created.
/// </remarks>
public sealed class GridTuner : ITuner
{
    /// <summary>The largest number of values a single domain may contribute to a grid.</summary>
    public const int MaxValuesPerDomain = 10_000_000;

    private GridEnumerator? _grid;

    /// <inheritdoc />
    public string Name => "grid";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _grid = new GridEnumerator(setup.SearchSpace, setup.SearchSpace.Names, "grid search");
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context) =>
        (_grid ?? throw new InvalidOperationException("The tuner was not initialized.")).Next();

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
    }
}
