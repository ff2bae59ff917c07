namespace Nomadic.AI.Rag;

/// <summary>What a <see cref="RagObjective"/> run's score is the mean of.</summary>
public enum RagScore
{
    /// <summary>The retrieval metric (<see cref="RagObjectiveOptions.Metric"/>) per question.</summary>
    Retrieval,

    /// <summary>The generated answer's score (<see cref="RagObjectiveOptions.Evaluator"/>) per question; needs a chat model.</summary>
    Answer,
}
