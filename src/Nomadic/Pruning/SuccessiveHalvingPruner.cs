using Nomadic.Results;

namespace Nomadic.Pruning;

/// <summary>
/// Asynchronous successive halving, ASHA (Li et al. 2018; Optuna's <c>SuccessiveHalvingPruner</c>): when a run reaches a
/// rung, it goes on only if its value there is among the best <c>1 / ReductionFactor</c> of the values every run had
/// when reaching that rung; otherwise it stops.
/// </summary>
/// <remarks>
/// Rung <c>k</c> is at step <c>MinResource × ReductionFactor^(MinEarlyStoppingRate + k)</c>. Rungs are asynchronous:
/// a run is compared with the runs that reached the rung before it, finished or still running in this process, without
/// waiting for others; while fewer than <c>ReductionFactor</c> runs did, only a run at least as good as all of them goes
/// on. A run's value at a rung is the first value it reported at or past the rung's step, and a run is judged at a rung
/// by the report that reaches it, so ask after every report.
/// </remarks>
public sealed class SuccessiveHalvingPruner : IPruner
{
    private int _estimatedMinResource;

    /// <summary>Initializes a new instance of the <see cref="SuccessiveHalvingPruner"/> class.</summary>
    /// <param name="options">The settings; Optuna's defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public SuccessiveHalvingPruner(SuccessiveHalvingPrunerOptions? options = null)
    {
        Options = options ?? new SuccessiveHalvingPrunerOptions();
        Options.Validate();
    }

    /// <summary>Gets the settings.</summary>
    public SuccessiveHalvingPrunerOptions Options { get; }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int step = context.LastStep;
        int minResource = step < 0 ? 0 : Options.MinResource ?? EstimateMinResource(context);
        if (minResource == 0)
        {
            return false;
        }

        double value = context.IntermediateValues[^1].Value;
        for (int rung = 0; ; rung++)
        {
            long rungStep = RungStep(minResource, rung);
            if (step < rungStep)
            {
                return false;
            }

            // A rung passed at an earlier report was judged then, and the run was promoted.
            if (context.PreviousStep >= rungStep)
            {
                continue;
            }

            List<double> competing = ValuesReaching(context, rungStep);
            competing.Add(value);
            if (competing.Count <= Options.BootstrapCount || !IsPromotable(value, competing, context.Direction))
            {
                return true;
            }
        }
    }

    private long RungStep(int minResource, int rung)
    {
        long rungStep = minResource;
        for (int i = 0; i < Options.MinEarlyStoppingRate + rung && rungStep <= int.MaxValue; i++)
        {
            rungStep *= Options.ReductionFactor;
        }

        return rungStep;
    }

    private static List<double> ValuesReaching(PruningContext context, long rungStep)
    {
        var values = new List<double>();
        foreach ((_, _, IReadOnlyList<IntermediateValue> curve) in context.OtherRuns())
        {
            if (Curves.TryGetValueReaching(curve, rungStep, out double value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    // Promotes the top 1/η of the rung; before η runs reached it, only a run at least as good as every one of them.
    private bool IsPromotable(double value, List<double> competing, Direction direction)
    {
        int index = Math.Max(competing.Count / Options.ReductionFactor - 1, 0);
        competing.Sort();
        return direction == Direction.Maximize ? value >= competing[^(index + 1)] : value <= competing[index];
    }

    // Optuna's "auto": a hundredth of the longest completed run, fixed once known so the rungs stay where they were.
    private int EstimateMinResource(PruningContext context)
    {
        int known = Volatile.Read(ref _estimatedMinResource);
        if (known > 0)
        {
            return known;
        }

        int longest = context.FinishedRuns
            .Where(r => r.Status == RunStatus.Completed && r.IntermediateValues.Count > 0)
            .Select(r => r.IntermediateValues[^1].Step)
            .DefaultIfEmpty(-1)
            .Max();
        if (longest < 0)
        {
            return 0;
        }

        int estimate = Math.Max(longest / 100, 1);
        int previous = Interlocked.CompareExchange(ref _estimatedMinResource, estimate, 0);
        return previous == 0 ? estimate : previous;
    }
}
