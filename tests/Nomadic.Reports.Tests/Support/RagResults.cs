using Nomadic.Results;

namespace Nomadic.Reports.Tests.Support;

/// <summary>
/// The result of <c>examples/rag</c> run with the CLI (30 runs, seed 11; per-question scores left out): a
/// conditional search space where <c>chunk_size</c> and <c>chunk_overlap</c> exist only for fixed chunking,
/// <c>sentence_window</c> only for sentence chunking and <c>hybrid_alpha</c> only for the hybrid retriever.
/// </summary>
internal static class RagResults
{
    public static ExperimentResult Load() => ExperimentResult.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rag-results.json"));
}
