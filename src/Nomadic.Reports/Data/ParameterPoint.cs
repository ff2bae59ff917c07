namespace Nomadic.Reports.Data;

/// <summary>One run as a point of a parameter plot.</summary>
/// <param name="Value">The parameter's value, or for a categorical parameter the position of its category.</param>
/// <param name="Score">The run's score.</param>
/// <param name="RunNumber">The run's number in the experiment.</param>
/// <param name="IsBaseline">Whether the run is the baseline.</param>
internal readonly record struct ParameterPoint(double Value, double Score, int RunNumber, bool IsBaseline);
