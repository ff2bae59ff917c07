using System.Diagnostics;
using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;

namespace Nomadic.Bench.Rag;

/// <summary>
/// Items per second of each text evaluator, scoring the example's reference answers against realistic outputs (the
/// first retrieved chunk of each question, tens of words against a short reference).
/// </summary>
internal static class EvaluatorThroughput
{
    public static List<(string Name, double Value, string Unit, string Note)> Measure(IReadOnlyList<EvaluationItem> items, IReadOnlyList<string> outputs)
    {
        var rows = new List<(string, double, string, string)>();
        IEvaluator[] fast = [new ExactMatchEvaluator(), new TokenF1Evaluator(), new RougeLEvaluator(), new BleuEvaluator()];
        foreach (IEvaluator evaluator in fast)
        {
            rows.Add(($"evaluator_{evaluator.Name}", Rate(items, outputs, evaluator, repeats: 50, reset: null), "items/s", $"{items.Count} answers of about 80 words against their references"));
        }

        using var model = new MiniLmEmbeddingGenerator();
        var semantic = new SemanticSimilarityEvaluator(model);
        rows.Add(("evaluator_semantic_similarity", Rate(items, outputs, semantic, repeats: 3, reset: model.ClearCache), "items/s", "MiniLM embeddings of answer and reference per item, cache cleared before each pass"));
        rows.Add(("evaluator_semantic_similarity_cached", Rate(items, outputs, semantic, repeats: 20, reset: null), "items/s", "the same with every text already embedded (a repeated configuration)"));
        return rows;
    }

    // The best pass over the repeats, after one warm-up pass.
    private static double Rate(IReadOnlyList<EvaluationItem> items, IReadOnlyList<string> outputs, IEvaluator evaluator, int repeats, Action? reset)
    {
        Pass(items, outputs, evaluator);
        double best = 0;
        for (int r = 0; r < repeats; r++)
        {
            reset?.Invoke();
            var watch = Stopwatch.StartNew();
            Pass(items, outputs, evaluator);
            best = Math.Max(best, items.Count / watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static void Pass(IReadOnlyList<EvaluationItem> items, IReadOnlyList<string> outputs, IEvaluator evaluator)
    {
        for (int i = 0; i < items.Count; i++)
        {
            evaluator.EvaluateAsync(items[i], outputs[i]).AsTask().GetAwaiter().GetResult();
        }
    }
}
