using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Workspace.Tests.Support;

/// <summary>
/// Runs as an <c>llm</c> experiment records them: per-item scores and the model's first answers in the metadata, a
/// <c>dataset</c> both as a parameter and as a metadata key, and a list-valued parameter (stop sequences).
/// </summary>
internal static class LlmResult
{
    /// <summary>An answer with quotes, markup and non-ASCII text, long enough to be cut in a table cell.</summary>
    public const string Answer = "He said \"x < 3\" & left — naïve café, Zürich at 5 o'clock; the capital of France is Paris, which lies on the Seine in the north.";

    public static ExperimentResult Create(string name = "llm")
    {
        var space = new SearchSpace { ["model"] = Tune.Choice("small", "large"), ["dataset"] = Tune.Choice("qa") };
        var runs = new List<RunResult>();
        for (int i = 0; i < 3; i++)
        {
            var scores = new List<object?> { 1.0, i == 1 ? 1.0 : 0.0, 0.5 };
            var outputs = new List<object?>
            {
                new Dictionary<string, object?> { ["id"] = "q1", ["query"] = "What is x?", ["output"] = Answer, ["score"] = 1.0 },
                new Dictionary<string, object?> { ["id"] = "q2", ["query"] = "Capital of France?", ["output"] = "Paris", ["score"] = 0.5 },
            };
            var parameters = new Dictionary<string, object?> { ["model"] = i == 1 ? "large" : "small", ["dataset"] = "qa", ["stop"] = new List<object?> { "END", "</answer>" } };
            var metadata = new Dictionary<string, object?> { ["dataset"] = "qa.jsonl", ["item_scores"] = scores, ["example_outputs"] = outputs };
            runs.Add(new RunResult(scores.Cast<double>().Average(), parameters, metadata) { TrialNumber = i, Duration = TimeSpan.FromSeconds(2 + i) });
        }

        return new ExperimentResult(space, runs, name);
    }
}
