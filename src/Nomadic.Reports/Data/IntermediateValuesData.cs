namespace Nomadic.Reports.Data;

/// <summary>The learning curves of the runs that reported intermediate values, pruned and completed alike.</summary>
/// <param name="Curves">One curve per run with at least one intermediate value, in run order.</param>
internal sealed record IntermediateValuesData(IReadOnlyList<RunCurve> Curves);
