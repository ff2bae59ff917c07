using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.LocalSearch;

/// <summary>Drives a tuner without an experiment, with one worker or several, as the engine does.</summary>
internal static class LocalSearchDriver
{
    /// <summary>Runs <paramref name="count"/> suggestions, each scored by <paramref name="objective"/> and finished before the next.</summary>
    public static List<RunResult> Run(ITuner tuner, SearchSpace space, int count, Func<IReadOnlyDictionary<string, object?>, double> objective, Direction direction = Direction.Minimize, int seed = 0) =>
        RunParallel(tuner, space, count, 1, objective, direction, seed);

    /// <summary>
    /// Keeps <paramref name="workers"/> configurations running; the oldest finishes before each new suggestion, so the
    /// tuner is asked while others run. Duplicates of finished or running configurations are rejected as the engine does.
    /// </summary>
    public static List<RunResult> RunParallel(
        ITuner tuner, SearchSpace space, int count, int workers, Func<IReadOnlyDictionary<string, object?>, double> objective, Direction direction = Direction.Minimize, int seed = 0)
    {
        tuner.Initialize(new TunerSetup(space, direction, seed));
        var finished = new List<RunResult>();
        var running = new List<IReadOnlyDictionary<string, object?>>();
        var seen = new HashSet<string>();
        int started = 0;
        while (finished.Count < count)
        {
            if (started < count && running.Count < workers && Ask(tuner, finished, running, seen) is { } configuration)
            {
                running.Add(configuration);
                started++;
                continue;
            }

            if (running.Count == 0)
            {
                break;
            }

            IReadOnlyDictionary<string, object?> done = running[0];
            running.RemoveAt(0);
            var run = new RunResult(objective(done), done) { TrialNumber = finished.Count };
            finished.Add(run);
            tuner.Observe(run);
        }

        return finished;
    }

    public static string Key(IReadOnlyDictionary<string, object?> configuration) =>
        string.Join(";", configuration.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Text(p.Value)}"));

    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static IReadOnlyDictionary<string, object?>? Ask(
        ITuner tuner, List<RunResult> finished, List<IReadOnlyDictionary<string, object?>> running, HashSet<string> seen)
    {
        var context = new TunerContext(finished, [.. running]);
        for (context.RejectedSuggestions = 0; context.RejectedSuggestions < 1000; context.RejectedSuggestions++)
        {
            IReadOnlyDictionary<string, object?>? configuration = tuner.Suggest(context);
            if (configuration is null || seen.Add(Key(configuration)))
            {
                return configuration;
            }
        }

        return null;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };
}
