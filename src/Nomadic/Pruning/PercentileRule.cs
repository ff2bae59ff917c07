using Nomadic.Results;

namespace Nomadic.Pruning;

/// <summary>
/// The rule of the median and percentile pruners (Optuna's <c>PercentilePruner</c>): once enough runs completed and
/// past the warm-up, at the first report of each interval, prune a run whose best value so far is worse than the given
/// percentile of the completed runs' values at its current step.
/// </summary>
internal sealed class PercentileRule(double percentile, int startupTrials, int warmupSteps, int intervalSteps, int minTrials)
{
    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int completed = context.FinishedRuns.Count(r => r.Status == RunStatus.Completed);
        int step = context.LastStep;
        if (step < 0 || completed == 0 || completed < startupTrials || step < warmupSteps || !IsFirstReportOfInterval(step, context.PreviousStep))
        {
            return false;
        }

        var values = new List<double>();
        foreach (RunResult run in context.FinishedRuns)
        {
            if (run.Status == RunStatus.Completed && Curves.TryGetValue(run.IntermediateValues, step, out double value))
            {
                values.Add(value);
            }
        }

        if (values.Count < minTrials)
        {
            return false;
        }

        // The kept share is at the good end: the top percentile of values when maximizing, the bottom one when minimizing.
        bool maximize = context.Direction == Direction.Maximize;
        double threshold = Curves.Percentile(values, maximize ? 100 - percentile : percentile);
        double best = Curves.Best(context.IntermediateValues, context.Direction);
        return maximize ? best < threshold : best > threshold;
    }

    // Judges a run once per interval after the warm-up: at the first step reported at or past each interval's start.
    private bool IsFirstReportOfInterval(int step, int previousStep)
    {
        int intervalStart = ((step - warmupSteps) / intervalSteps * intervalSteps) + warmupSteps;
        return previousStep < intervalStart;
    }
}
