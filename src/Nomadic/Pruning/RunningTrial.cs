using Nomadic.Results;

namespace Nomadic.Pruning;

/// <summary>Another run in progress, as a pruner sees it: its number and the values it reported so far.</summary>
/// <param name="TrialNumber">The run's number in the experiment.</param>
/// <param name="IntermediateValues">The values reported so far, in increasing step order.</param>
public readonly record struct RunningTrial(int TrialNumber, IReadOnlyList<IntermediateValue> IntermediateValues);
