using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Gp;

/// <summary>Drives a tuner without an experiment: suggest, score, feed back, as the engine does with one worker.</summary>
internal static class TunerDriver
{
    /// <summary>Runs <paramref name="count"/> suggestions, each scored by <paramref name="score"/> and finished before the next.</summary>
    public static List<IReadOnlyDictionary<string, object?>> Run(ITuner tuner, SearchSpace space, int count, Func<IReadOnlyDictionary<string, object?>, double> score)
    {
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));
        var finished = new List<RunResult>();
        var suggestions = new List<IReadOnlyDictionary<string, object?>>();
        for (int i = 0; i < count; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(new TunerContext(finished, []))!;
            suggestions.Add(configuration);
            var run = new RunResult(score(configuration), configuration) { TrialNumber = i };
            tuner.Observe(run);
            finished.Add(run);
        }

        return suggestions;
    }

    /// <summary>A deterministic score of any configuration, so runs of a property test are reproducible.</summary>
    public static double Hash(IReadOnlyDictionary<string, object?> configuration)
    {
        uint hash = 2166136261;
        foreach (char c in string.Join(",", configuration.Select(kv => $"{kv.Key}={kv.Value}")))
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash % 1000 / 1000.0;
    }
}
