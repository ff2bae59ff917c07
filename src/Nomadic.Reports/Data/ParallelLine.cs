namespace Nomadic.Reports.Data;

/// <summary>One run of a parallel-coordinates plot.</summary>
/// <param name="RunNumber">The run's number in the experiment.</param>
/// <param name="Score">Its score, which colours the line.</param>
/// <param name="Positions">
/// Its position on each axis, in axis order: from 0 to 1 for a value, <see cref="ParallelAxis.AbsentPosition"/> where
/// the run lacks the parameter.
/// </param>
internal sealed record ParallelLine(int RunNumber, double Score, IReadOnlyList<double> Positions);
