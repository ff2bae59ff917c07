using Nomadic.AI.Datasets;

namespace Nomadic.AI;

/// <summary>
/// Finds the context passages for an item under a run's configuration (a retriever, for a RAG system); they fill the
/// prompt's <c>{context}</c> in place of the item's own contexts.
/// </summary>
/// <param name="item">The dataset item.</param>
/// <param name="parameters">The run's parameters (chunk size, top k...).</param>
/// <param name="cancellationToken">Fires when the run must stop.</param>
/// <returns>The passages, best first.</returns>
public delegate ValueTask<IReadOnlyList<string>> ContextProvider(EvaluationItem item, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);
