namespace Nomadic.Reports.Data;

/// <summary>A labelled position on a normalized axis.</summary>
/// <param name="Position">The position, 0 at the bottom and 1 at the top.</param>
/// <param name="Label">The text shown there.</param>
internal readonly record struct AxisTick(double Position, string Label);
