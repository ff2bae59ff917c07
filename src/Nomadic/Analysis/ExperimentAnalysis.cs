using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Analysis;

/// <summary>
/// Statistics of an experiment's runs: summaries, the top configurations, comparisons of the best configuration with
/// the baseline and the runners-up, and parameter importance. Every method returns typed results and prints nothing.
/// </summary>
public static class ExperimentAnalysis
{
    /// <summary>Summarizes the scores of the completed runs, with the counts of runs by status.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <returns>The summary of metric <c>score</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ScoreSummary Summarize(this ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ScoreSummary.Of("score", result.RunResults, r => r.Score);
    }

    /// <summary>Summarizes a numeric metadata metric (e.g. <c>latency_ms</c>) of the completed runs that report it.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="metric">The metadata key; runs without a finite number under it are left out of the statistics.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="metric"/> is null.</exception>
    public static ScoreSummary Summarize(this ExperimentResult result, string metric)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metric);
        return ScoreSummary.Of(metric, result.RunResults, r => MetadataNumbers.Number(r.Metadata, metric));
    }

    /// <summary>Returns the best <paramref name="k"/> completed runs with a finite score, best first in the experiment's direction, ties in run order.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="k">How many runs, 0 or more; fewer are returned when fewer qualify.</param>
    /// <returns>The runs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static IReadOnlyList<RunResult> Top(this ExperimentResult result, int k)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        IEnumerable<RunResult> usable = result.RunResults.Where(r => r.HasUsableScore);
        IOrderedEnumerable<RunResult> ordered = result.Direction == Direction.Maximize ? usable.OrderByDescending(r => r.Score) : usable.OrderBy(r => r.Score);
        return [.. ordered.Take(k)];
    }

    /// <summary>
    /// Compares the top <paramref name="n"/> scores with the rest, as nomadic's <c>test_significance</c>: a two-sided
    /// Mann–Whitney U test (SciPy 1.10 <c>method="auto"</c>) and Cohen's d over the mean of the two sample variances with
    /// nomadic's effect-size labels (<see cref="CohensD.NomadicCompatible"/>, <see cref="CohensD.NomadicLabel"/>).
    /// </summary>
    /// <param name="result">The experiment's result; completed runs with a finite score take part.</param>
    /// <param name="n">The size of the top group, 1 or more; 5 by default, as in nomadic.</param>
    /// <returns>The test. <b>Descriptive only</b>: the groups are selected by the scores tested, so the p-value is not evidence (see <see cref="SignificanceTest"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static SignificanceTest TestSignificance(this ExperimentResult result, int n = 5)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        double[] ordered = [.. result.Top(int.MaxValue).Select(r => r.Score)];
        double[] top = ordered[..Math.Min(n, ordered.Length)];
        double[] rest = ordered[top.Length..];
        if (top.Length == 0 || rest.Length == 0)
        {
            return new SignificanceTest
            {
                TopCount = top.Length,
                RestCount = rest.Length,
                Note = string.Create(CultureInfo.InvariantCulture, $"Too little data: {ordered.Length} completed runs with a finite score leave no other runs to compare the top {n} with."),
            };
        }

        RankTestResult test = MannWhitneyU.Test(top, rest);
        double d = CohensD.NomadicCompatible(top, rest);
        return new SignificanceTest
        {
            TopCount = top.Length,
            RestCount = rest.Length,
            UStatistic = test.Statistic,
            PValue = test.PValue,
            Method = test.Method,
            CohensD = d,
            EffectSize = CohensD.NomadicLabel(d),
            Note = "Descriptive only: the top runs were selected by these same scores, so they differ from the rest by construction and the p-value is not evidence that any configuration is better. Compare the best configuration with the baseline or the runners-up on per-item or repeated scores instead.",
        };
    }

    /// <summary>Compares the best configuration with the baseline run on per-item or repeated scores.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="options">The settings; the defaults of <see cref="ComparisonOptions"/> when null.</param>
    /// <returns>The comparison; its verdict says when there is too little data (no baseline, no per-item or repeated scores).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ConfigurationComparison CompareBestToBaseline(this ExperimentResult result, ComparisonOptions? options = null) =>
        Compare(result, options, baseline: true, runnersUp: false)[0];

    /// <summary>Compares the best configuration with each of the next <see cref="ComparisonOptions.RunnersUp"/> best runs, Holm-corrected across them.</summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="options">The settings; the defaults of <see cref="ComparisonOptions"/> when null.</param>
    /// <returns>One comparison per runner-up, in rank order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IReadOnlyList<ConfigurationComparison> CompareBestToRunnersUp(this ExperimentResult result, ComparisonOptions? options = null) =>
        Compare(result, options, baseline: false, runnersUp: true);

    /// <summary>
    /// Compares the best configuration with the baseline and with the runners-up, with Holm's correction across all the
    /// comparisons that could be made (paired Wilcoxon signed-rank test and bootstrap interval on per-item scores, else
    /// Mann–Whitney U on repeated scores).
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="options">The settings; the defaults of <see cref="ComparisonOptions"/> when null.</param>
    /// <returns>The baseline comparison first, then one per runner-up.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IReadOnlyList<ConfigurationComparison> CompareBest(this ExperimentResult result, ComparisonOptions? options = null) =>
        Compare(result, options, baseline: true, runnersUp: true);

    /// <summary>
    /// Estimates how much of the score's variation each parameter explains on its own, with fANOVA (Hutter, Hoos and
    /// Leyton-Brown, ICML 2014) on a random forest fitted to the completed runs; see <see cref="ImportanceOptions"/>.
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="options">The settings; the defaults of <see cref="ImportanceOptions"/> when null.</param>
    /// <remarks>
    /// <para>
    /// As Optuna's <c>FanovaImportanceEvaluator</c>: each tree of the forest (fitted to a bootstrap sample of the
    /// completed runs) is a piecewise-constant function of the parameters; the variance over the search space of its
    /// prediction averaged over all parameters but one is that parameter's main effect, and its share of the tree's
    /// total variance is averaged over trees and normalized to sum 1. The measure over the search space is uniform on
    /// each parameter's scale, categories equally likely.
    /// </para>
    /// <para>
    /// Differences from Optuna, on purpose: log-scale parameters are measured on the log scale by default (Optuna
    /// measures them on the linear scale; see <see cref="ImportanceOptions.LogScaleForLogDomains"/>); categorical
    /// parameters are split by subsets of categories and averaged over their categories (Optuna one-hot encodes them and
    /// also averages over impossible encodings); parameters whose domain has one value are left out.
    /// </para>
    /// <para>
    /// Conditional parameters (those absent from some runs): a parameter's main effect is estimated from the runs where
    /// it exists, with the parameters present in all of those runs as the other features; parameters that exist in the
    /// same runs share one forest, so without conditions one forest serves all and the result is the one above. Its
    /// share of those runs' variance then counts only for the part of all runs' variance that lies there: it is
    /// multiplied by the share of runs where the parameter exists and by the forest's total variance over the
    /// population variance of all runs' scores. So an importance is always a share of the whole experiment's variance:
    /// a parameter that exists only in a flat or rare branch cannot outrank the choice of that branch, as it did when
    /// shares of different runs were compared directly. The same rule holds for the parameters present in every run
    /// (the factor is then the share of the score's variance their forest models), so the choice of a branch is
    /// measured against the variance its children add. Optuna's evaluator instead leaves conditional parameters out
    /// (it assesses the parameters present in every completed run). Numeric values outside their domain are clamped
    /// to it; a categorical value the domain does not list counts as missing.
    /// </para>
    /// </remarks>
    /// <returns>One entry per parameter of the search space that varies, most important first; the importances sum to 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Fewer than two completed runs have a finite score.</exception>
    public static IReadOnlyList<ParameterImportance> ParameterImportances(this ExperimentResult result, ImportanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return FanovaImportance.Compute(result, options ?? new ImportanceOptions());
    }

    private static ConfigurationComparison[] Compare(ExperimentResult result, ComparisonOptions? options, bool baseline, bool runnersUp)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new ComparisonOptions();
        if (result.BestIndex < 0)
        {
            return [new ConfigurationComparison { Label = baseline ? "baseline" : "runner-up 1", Verdict = "Too little data: no run completed with a finite score." }];
        }

        RunResult best = result.BestRunResult;
        var comparisons = new List<ConfigurationComparison>();
        if (baseline)
        {
            comparisons.Add(PairComparer.Compare("baseline", best, result.BaselineIndex >= 0 ? result.RunResults[result.BaselineIndex] : null, options));
        }

        if (runnersUp)
        {
            RunResult[] others = [.. result.Top(options.RunnersUp + 1).Where(r => !ReferenceEquals(r, best)).Take(options.RunnersUp)];
            for (int i = 0; i < options.RunnersUp; i++)
            {
                comparisons.Add(PairComparer.Compare($"runner-up {i + 1}", best, i < others.Length ? others[i] : null, options));
            }
        }

        return ComparisonFamily.Finish(comparisons, result.Direction, options.Alpha);
    }
}
