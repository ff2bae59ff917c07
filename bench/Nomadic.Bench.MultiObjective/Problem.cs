using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>
/// A test problem with several objectives: the score (the first objective) and the <see cref="Objectives"/> read from
/// each run's metadata, with the reference point of its hypervolume.
/// </summary>
/// <param name="Name">The name used on the command line, in the tables and by the Optuna harness.</param>
/// <param name="CreateSpace">Builds the search space.</param>
/// <param name="Evaluate">Evaluates a configuration: the score and, in the metadata, every objective.</param>
/// <param name="Direction">The score's direction.</param>
/// <param name="Objectives">The objectives besides the score.</param>
/// <param name="Reference">The reference point, in the objectives' own units and order (score first).</param>
internal sealed record Problem(
    string Name,
    Func<SearchSpace> CreateSpace,
    Func<IReadOnlyDictionary<string, object?>, RunResult> Evaluate,
    Direction Direction,
    ObjectiveMetric[] Objectives,
    double[] Reference)
{
    /// <summary>Gets the direction of each objective, the score's first.</summary>
    public Direction[] Directions => [Direction, .. Objectives.Select(o => o.Direction)];

    /// <summary>Gets the objective values of a completed run, in the objectives' own units (score first).</summary>
    public double[] Values(RunResult run) => [run.Score, .. Objectives.Select(o => o.TryGetValue(run, out double v) ? v : double.NaN)];

    /// <summary>Computes the hypervolume of runs' objective values (in their own units) against the reference point.</summary>
    public double Hypervolume(IEnumerable<double[]> values)
    {
        Direction[] directions = Directions;
        double[] Oriented(double[] v) => [.. v.Select((x, i) => directions[i] == Direction.Maximize ? -x : x)];
        return Nomadic.Results.Hypervolume.Of(values.Select(Oriented), Oriented(Reference));
    }
}
