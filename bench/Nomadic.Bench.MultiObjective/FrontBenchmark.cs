using System.Collections.Concurrent;
using System.Diagnostics;
using Nomadic.Experiments;
using Nomadic.Results;

namespace Nomadic.Bench;

/// <summary>The hypervolume one experiment's runs reach after each budget.</summary>
internal sealed record FrontRun(string Problem, string Tuner, int Seed, double[] Hypervolumes, double WallSeconds);

/// <summary>
/// Runs one experiment per problem, tuner and seed, as long as the largest budget, and measures the hypervolume of the
/// first k runs for each budget k. Tuners that plan by the budget run one experiment per budget.
/// </summary>
internal static class FrontBenchmark
{
    public static async Task<List<FrontRun>> RunAsync(IReadOnlyList<Problem> problems, IReadOnlyList<string> tuners, int seeds, int[] budgets, TextWriter log)
    {
        // Model-based tuners on the three-objective problem first, so the workers finish together.
        var tasks = (from tuner in tuners
                     from problem in problems
                     from seed in Enumerable.Range(0, seeds)
                     orderby tuner is "random" or "nsga2", problem.Objectives.Length < 2
                     select (problem, tuner, seed)).ToList();
        var runs = new ConcurrentBag<FrontRun>();
        var clock = Stopwatch.StartNew();
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(tasks, parallel, async (task, _) =>
        {
            runs.Add(await RunOneAsync(task.problem, task.tuner, task.seed, budgets).ConfigureAwait(false));
            int count = Interlocked.Increment(ref done);
            if (count % 40 == 0 || count == tasks.Count)
            {
                log.WriteLine($"  {count}/{tasks.Count} experiments ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }).ConfigureAwait(false);

        return [.. runs.OrderBy(r => r.Problem, StringComparer.Ordinal).ThenBy(r => r.Tuner, StringComparer.Ordinal).ThenBy(r => r.Seed)];
    }

    private static async Task<FrontRun> RunOneAsync(Problem problem, string tuner, int seed, int[] budgets)
    {
        int[] lengths = MultiObjectiveTuners.UsesBudget(tuner) ? budgets : [budgets.Max()];
        var volumes = new double[budgets.Length];
        var clock = Stopwatch.StartNew();
        foreach (int length in lengths)
        {
            var options = new ExperimentOptions
            {
                Name = $"{problem.Name}-{tuner}-{seed}",
                Direction = problem.Direction,
                Objectives = problem.Objectives,
                Tuner = MultiObjectiveTuners.Create(tuner),
                NumSamples = length,
                Seed = seed,
            };
            using var experiment = new Experiment(problem.CreateSpace(), problem.Evaluate, options);
            ExperimentResult result = await experiment.RunAsync().ConfigureAwait(false);
            if (result.Count != length || result.RunResults.Any(r => !r.HasUsableScore))
            {
                throw new InvalidOperationException($"{options.Name}: {result.Count} runs, not all completed.");
            }

            for (int i = 0; i < budgets.Length; i++)
            {
                if (budgets[i] == length || lengths.Length == 1)
                {
                    volumes[i] = problem.Hypervolume(result.RunResults.Take(budgets[i]).Select(problem.Values));
                }
            }
        }

        return new FrontRun(problem.Name, tuner, seed, volumes, clock.Elapsed.TotalSeconds);
    }
}
