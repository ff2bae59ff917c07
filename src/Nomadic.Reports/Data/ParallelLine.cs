namespace Nomadic.Reports.Data;

/// <summary>One run of a parallel-coordinates plot.</summary>
/// <param name="RunNumber">The run's number in the experiment.</param>
/// <param name="Score">Its score, which colours the line.</param>
/// <param name="Positions">Its position on each axis, from 0 to 1, in axis order; NaN where the parameter does not exist.</param>
public sealed record ParallelLine(int RunNumber, double Score, IReadOnlyList<double> Positions);
