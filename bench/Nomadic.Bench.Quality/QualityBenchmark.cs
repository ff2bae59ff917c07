using System.Collections.Concurrent;
using System.Diagnostics;
using Nomadic.Experiments;
using Nomadic.Results;

namespace Nomadic.Bench;

/// <summary>The best value one experiment found after each budget.</summary>
internal sealed record QualityRun(string Function, string Tuner, int Seed, double[] Best, double WallSeconds);

/// <summary>
/// Runs one experiment per function, tuner and seed, as long as the largest budget, and records the best value after
/// each budget (a tuner that does not know the budget gives the same best@50 in a 200-run experiment as in a 50-run
/// one). Tuners that plan by the budget run one experiment per budget.
/// </summary>
internal static class QualityBenchmark
{
    public static async Task<List<QualityRun>> RunAsync(
        IReadOnlyList<SuiteFunction> functions,
        IReadOnlyList<string> tuners,
        int seeds,
        int[] budgets,
        TextWriter log)
    {
        // The slow model-based tuners first, so the two workers finish together.
        var tasks = (from tuner in tuners.OrderBy(t => t.StartsWith("tpe", StringComparison.Ordinal) || t == "gp" || t.StartsWith("auto", StringComparison.Ordinal) ? 0 : 1)
                     from function in functions
                     from seed in Enumerable.Range(0, seeds)
                     select (function, tuner, seed)).ToList();
        var runs = new ConcurrentBag<QualityRun>();
        var clock = Stopwatch.StartNew();
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(tasks, parallel, async (task, _) =>
        {
            runs.Add(await RunOneAsync(task.function, task.tuner, task.seed, budgets).ConfigureAwait(false));
            int count = Interlocked.Increment(ref done);
            if (count % 50 == 0 || count == tasks.Count)
            {
                log.WriteLine($"  {count}/{tasks.Count} experiments ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }).ConfigureAwait(false);

        return [.. runs.OrderBy(r => r.Function, StringComparer.Ordinal).ThenBy(r => r.Tuner, StringComparer.Ordinal).ThenBy(r => r.Seed)];
    }

    private static async Task<QualityRun> RunOneAsync(SuiteFunction function, string tuner, int seed, int[] budgets)
    {
        // A tuner that plans by the run budget (the default tuner refines locally at its end) gets one experiment per
        // budget, as a user with that budget would run it; the others one experiment as long as the largest budget.
        int[] lengths = QualityTuners.UsesBudget(tuner) ? budgets : [budgets.Max()];
        var best = new double[budgets.Length];
        var clock = Stopwatch.StartNew();
        foreach (int length in lengths)
        {
            ExperimentResult result = await RunExperimentAsync(function, tuner, seed, length).ConfigureAwait(false);
            for (int i = 0; i < budgets.Length; i++)
            {
                if (budgets[i] == length || lengths.Length == 1)
                {
                    best[i] = result.RunResults.Take(budgets[i]).Min(r => r.Score);
                }
            }
        }

        return new QualityRun(function.Name, tuner, seed, best, clock.Elapsed.TotalSeconds);
    }

    private static async Task<ExperimentResult> RunExperimentAsync(SuiteFunction function, string tuner, int seed, int length)
    {
        var options = new ExperimentOptions
        {
            Name = $"{function.Name}-{tuner}-{seed}",
            Direction = Direction.Minimize,
            Tuner = QualityTuners.Get(tuner)(),
            NumSamples = length,
            Seed = seed,
        };
        using var experiment = new Experiment(function.CreateSpace(), function.Formula.Evaluate, options);
        ExperimentResult result = await experiment.RunAsync().ConfigureAwait(false);
        if (result.Count != length || result.RunResults.Any(r => !r.HasUsableScore))
        {
            throw new InvalidOperationException($"{options.Name}: {result.Count} runs, not all completed.");
        }

        return result;
    }
}
