using System.Globalization;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>
/// Functions of conditional search spaces (not in the shared suite, which has none): parameters that exist only in one
/// branch of a choice. Scores are to be minimized.
/// </summary>
internal static class ConditionalFunctions
{
    public static IReadOnlyList<ImportanceFunction> All { get; } = [Retrieval(), ModelBranch()];

    /// <summary>
    /// Shaped like <c>examples/rag</c> (one minus a retrieval score): paragraph chunking is best by far; the hybrid
    /// weight exists only for hybrid retrieval and barely matters; chunk size and sentence window exist in one chunking
    /// branch each.
    /// </summary>
    private static ImportanceFunction Retrieval()
    {
        var chunking = Table(("fixed", 0.30), ("sentence", 0.22), ("paragraph", 0.05));
        var chunkSize = Table(("40", 0.06), ("80", 0.02), ("200", 0.0));
        var window = Table(("1", 0.04), ("2", 0.0), ("3", 0.01));
        var retriever = Table(("bm25", 0.12), ("embedding", 0.08), ("hybrid", 0.06));
        var topK = Table(("3", 0.04), ("5", 0.01), ("8", 0.0));
        var rerank = Table(("none", 0.05), ("semantic", 0.0), ("mmr", 0.03));
        return ImportanceFunction.Defined("retrieval_conditional", () => new SearchSpace
        {
            { "chunking", Tune.Choice("fixed", "sentence", "paragraph") },
            { "chunk_size", Tune.Choice("40", "80", "200").When("chunking", "fixed") },
            { "sentence_window", Tune.Choice("1", "2", "3").When("chunking", "sentence") },
            { "retriever", Tune.Choice("bm25", "embedding", "hybrid") },
            { "hybrid_alpha", Tune.Uniform(0.2, 0.8).When("retriever", "hybrid") },
            { "top_k", Tune.Choice("3", "5", "8") },
            { "rerank", Tune.Choice("none", "semantic", "mmr") },
        }, p => chunking[Text(p, "chunking")] + retriever[Text(p, "retriever")] + topK[Text(p, "top_k")] + rerank[Text(p, "rerank")]
            + (p.TryGetValue("chunk_size", out object? size) ? chunkSize[(string)size!] : 0)
            + (p.TryGetValue("sentence_window", out object? w) ? window[(string)w!] : 0)
            + (p.TryGetValue("hybrid_alpha", out object? alpha) ? 0.05 * Math.Pow(Number(alpha) - 0.5, 2) : 0));
    }

    /// <summary>A model choice whose branches have their own hyperparameter, and a learning rate shared by both.</summary>
    private static ImportanceFunction ModelBranch() => ImportanceFunction.Defined("model_branch", () => new SearchSpace
    {
        { "model", Tune.Choice("linear", "forest") },
        { "reg", Tune.LogUniform(1e-4, 1).When("model", "linear") },
        { "depth", Tune.RandInt(2, 13).When("model", "forest") },
        { "lr", Tune.LogUniform(1e-3, 1) },
    }, p => (Text(p, "model") == "linear" ? 0.5 + (0.2 * Math.Pow(Math.Log10(Number(p["reg"])) + 2, 2)) : 0.2 + (0.02 * Math.Pow(Number(p["depth"]) - 8, 2)))
        + (0.3 * Math.Pow(Math.Log10(Number(p["lr"])) + 1.5, 2)));

    private static Dictionary<string, double> Table(params (string Key, double Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static string Text(IReadOnlyDictionary<string, object?> p, string name) => (string)p[name]!;

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
