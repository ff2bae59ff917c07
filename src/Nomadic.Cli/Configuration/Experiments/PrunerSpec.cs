using Nomadic.Pruning;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>The <c>pruner</c> of an experiment file, checked: its type and how to create it (a new pruner for each experiment).</summary>
/// <param name="Type">The declared type: median, percentile, asha or hyperband.</param>
/// <param name="Create">Creates the pruner with the declared settings.</param>
internal sealed record PrunerSpec(string Type, Func<IPruner> Create);
