using System.Collections.Concurrent;
using System.Diagnostics;
using Nomadic.Experiments;
using Nomadic.Results;

namespace Nomadic.Bench;

/// <summary>The best value one experiment found after each budget.</summary>
internal sealed record QualityRun(string Function, string Tuner, int Seed, double[] Best, double WallSeconds);

/// <summary>
/// Runs one experiment per function, tuner and seed, as long as the largest budget, and records the best value after
/// each budget (a tuner never knows the budget, so best@50 of a 200-run experiment is the best of a 50-run one).
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
        var tasks = (from tuner in tuners.OrderBy(t => t.StartsWith("tpe", StringComparison.Ordinal) || t == "gp" ? 0 : 1)
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
        var options = new ExperimentOptions
        {
            Name = $"{function.Name}-{tuner}-{seed}",
            Direction = Direction.Minimize,
            Tuner = TunerCatalog.Get(tuner)(),
            NumSamples = budgets.Max(),
            Seed = seed,
        };
        var clock = Stopwatch.StartNew();
        using var experiment = new Experiment(function.CreateSpace(), function.Formula.Evaluate, options);
        ExperimentResult result = await experiment.RunAsync().ConfigureAwait(false);
        double wall = clock.Elapsed.TotalSeconds;
        if (result.Count != budgets.Max() || result.RunResults.Any(r => !r.HasUsableScore))
        {
            throw new InvalidOperationException($"{options.Name}: {result.Count} runs, not all completed.");
        }

        double[] best = [.. budgets.Select(b => result.RunResults.Take(b).Min(r => r.Score))];
        return new QualityRun(function.Name, tuner, seed, best, wall);
    }
}
