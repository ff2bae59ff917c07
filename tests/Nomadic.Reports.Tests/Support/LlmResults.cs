using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Reports.Tests.Support;

/// <summary>
/// Runs as an <c>llm</c> experiment records them: per-item scores and the model's first answers in the metadata, and a
/// <c>dataset</c> both as a parameter and as a metadata key.
/// </summary>
internal static class LlmResults
{
    /// <summary>An answer with quotes, markup and non-ASCII text, long enough to be cut in a table cell.</summary>
    public const string Answer = "He said \"x < 3\" & left — naïve café, 東京 at 5 o'clock; the capital of France is Paris, which lies on the Seine in the north.";

    public static ExperimentResult Create(int runs = 4)
    {
        var space = new SearchSpace { ["model"] = Tune.Choice("small", "large"), ["temperature"] = Tune.Uniform(0, 1), ["dataset"] = Tune.Choice("qa") };
        var results = new List<RunResult>();
        for (int i = 0; i < runs; i++)
        {
            var scores = new List<object?> { 1.0, i % 2 == 0 ? 0.5 : 0.0, 0.25 * i };
            var outputs = new List<object?>
            {
                new Dictionary<string, object?> { ["id"] = "q1", ["query"] = "What is x?", ["output"] = Answer, ["score"] = 1.0 },
                new Dictionary<string, object?> { ["id"] = "q2", ["query"] = "Capital of France?", ["output"] = "Paris", ["score"] = 0.5 },
            };
            var metadata = new Dictionary<string, object?> { ["dataset"] = "qa.jsonl", ["item_scores"] = scores, ["example_outputs"] = outputs };
            var parameters = new Dictionary<string, object?> { ["model"] = i % 2 == 0 ? "small" : "large", ["temperature"] = i / 10.0, ["dataset"] = "qa" };
            results.Add(new RunResult(scores.Cast<double>().Average(), parameters, metadata) { TrialNumber = i, Duration = TimeSpan.FromSeconds(1 + i) });
        }

        return new ExperimentResult(space, results, "llm");
    }
}
