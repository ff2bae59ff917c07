namespace Nomadic.Reports.Data;

/// <summary>One vertical axis of a parallel-coordinates plot.</summary>
/// <param name="Name">The parameter's name, or <c>score</c>.</param>
/// <param name="Ticks">Labelled positions along the axis, from 0 (bottom) to 1 (top).</param>
public sealed record ParallelAxis(string Name, IReadOnlyList<AxisTick> Ticks);
