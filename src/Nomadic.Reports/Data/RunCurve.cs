using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>The values one run reported while in progress.</summary>
/// <param name="RunNumber">The run's number in the experiment.</param>
/// <param name="Status">How the run ended.</param>
/// <param name="Values">The reported values, in increasing step order.</param>
internal sealed record RunCurve(int RunNumber, RunStatus Status, IReadOnlyList<IntermediateValue> Values);
