namespace Nomadic.Reports.Data;

/// <summary>A point of a curve, in the units of the plot's axes.</summary>
/// <param name="X">The horizontal coordinate.</param>
/// <param name="Y">The vertical coordinate.</param>
internal readonly record struct PlotPoint(double X, double Y);
