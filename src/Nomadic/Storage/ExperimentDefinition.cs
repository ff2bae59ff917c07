using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage;

/// <summary>What identifies an experiment in storage: its name, direction and search space, plus free-form settings.</summary>
/// <param name="Name">The experiment's unique name.</param>
/// <param name="Direction">Whether higher or lower scores are better.</param>
/// <param name="SearchSpace">The search space.</param>
/// <param name="Settings">
/// Anything a worker needs to join the experiment (budgets, the objective's declaration), as JSON-compatible values.
/// </param>
public sealed record ExperimentDefinition(string Name, Direction Direction, SearchSpace SearchSpace, IReadOnlyDictionary<string, object?> Settings);
