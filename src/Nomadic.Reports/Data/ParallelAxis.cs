namespace Nomadic.Reports.Data;

/// <summary>One vertical axis of a parallel-coordinates plot.</summary>
/// <param name="Name">The parameter's name, or <c>score</c>.</param>
/// <param name="Ticks">Labelled positions along the axis, from 0 (bottom) to 1 (top).</param>
internal sealed record ParallelAxis(string Name, IReadOnlyList<AxisTick> Ticks)
{
    /// <summary>
    /// Gets where the lines of runs without this parameter (a conditional parameter of another branch) cross the axis:
    /// <see cref="ParallelCoordinatesData.AbsentPosition"/>, below every value, or <see langword="null"/> when every
    /// run has the parameter.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? AbsentPosition { get; init; }
}
