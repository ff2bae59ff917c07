namespace Nomadic.Reports.Data;

/// <summary>One run in the plane of two objectives.</summary>
/// <param name="RunNumber">The run's number in the experiment.</param>
/// <param name="X">Its value of the horizontal objective.</param>
/// <param name="Y">Its value of the vertical objective.</param>
/// <param name="OnFront">Whether the run is on the experiment's Pareto front (over all its objectives).</param>
internal readonly record struct ParetoPoint(int RunNumber, double X, double Y, bool OnFront);
