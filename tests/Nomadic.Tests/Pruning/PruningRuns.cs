using Nomadic.Pruning;
using Nomadic.Results;

namespace Nomadic.Tests.Pruning;

/// <summary>Learning curves and contexts for pruner tests: finished runs with known curves, and a run replayed report by report.</summary>
internal static class PruningRuns
{
    private static readonly Dictionary<string, object?> NoParams = [];

    /// <summary>A completed run that reported <paramref name="curve"/> at steps 0 to <paramref name="steps"/> - 1.</summary>
    public static RunResult Completed(int number, Func<int, double> curve, int steps = 10) =>
        Finished(number, RunStatus.Completed, curve, steps);

    public static RunResult Finished(int number, RunStatus status, Func<int, double> curve, int steps) =>
        new RunResult(curve(steps - 1), NoParams) { TrialNumber = number, Status = status, IntermediateValues = Curve(curve, steps) };

    /// <summary>A completed run that reported the given steps only.</summary>
    public static RunResult CompletedAt(int number, params (int Step, double Value)[] reports) =>
        new RunResult(reports[^1].Value, NoParams) { TrialNumber = number, IntermediateValues = reports.Select(r => new IntermediateValue(r.Step, r.Value)).ToArray() };

    public static IntermediateValue[] Curve(Func<int, double> curve, int steps) =>
        Enumerable.Range(0, steps).Select(s => new IntermediateValue(s, curve(s))).ToArray();

    public static PruningContext Context(IReadOnlyList<IntermediateValue> values, IReadOnlyList<RunResult> finished, Direction direction = Direction.Maximize, int number = 100) =>
        new() { TrialNumber = number, IntermediateValues = values, Direction = direction, FinishedRuns = finished };

    /// <summary>Replays a run reporting <paramref name="curve"/> step by step, asking after each report as an objective does.</summary>
    /// <returns>The step the pruner stopped the run at, or <see langword="null"/> when it ran all steps.</returns>
    public static int? FirstPrunedStep(IPruner pruner, Func<int, double> curve, IReadOnlyList<RunResult> finished, int steps = 10, Direction direction = Direction.Maximize, int number = 100)
    {
        for (int step = 0; step < steps; step++)
        {
            if (pruner.ShouldPrune(Context(Curve(curve, step + 1), finished, direction, number)))
            {
                return step;
            }
        }

        return null;
    }
}
