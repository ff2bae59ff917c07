namespace Nomadic.Results;

/// <summary>
/// An objective besides the score (latency, cost, model size): a number each run reports in its metadata under
/// <see cref="Name"/>, better when higher or when lower. The score stays the primary objective.
/// </summary>
/// <param name="Name">The metadata key holding the value, e.g. <c>latency_ms</c>.</param>
/// <param name="Direction">Whether higher or lower values are better.</param>
/// <remarks>
/// The value may be an <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="float"/> or
/// <see cref="decimal"/>. A run whose metadata lacks the key, or holds anything else, NaN or an infinity, is not
/// comparable: it is never in <see cref="ExperimentResult.ParetoFront"/> and multi-objective tuners leave it out of
/// their selection.
/// </remarks>
public sealed record ObjectiveMetric(string Name, Direction Direction)
{
    /// <summary>Reads this objective's value from a run's metadata.</summary>
    /// <param name="run">The run.</param>
    /// <param name="value">The value, when it is a finite number.</param>
    /// <returns><see langword="true"/> when the run reports a finite number under <see cref="Name"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public bool TryGetValue(RunResult run, out double value)
    {
        ArgumentNullException.ThrowIfNull(run);
        value = run.Metadata.GetValueOrDefault(Name ?? "") switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            _ => double.NaN,
        };
        return double.IsFinite(value);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({(Direction == Direction.Maximize ? "maximize" : "minimize")})";
}
