using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>
/// Ticks for an axis that counts (runs, steps, runs per bin): whole numbers only, none outside the values shown. The
/// margin ScottPlot leaves around the data would otherwise label numbers no run has, such as "-1" before run 0.
/// </summary>
internal sealed class WholeNumberTicks : ITickGenerator
{
    private readonly ScottPlot.TickGenerators.NumericAutomatic _automatic = new() { IntegerTicksOnly = true };
    private readonly double _first;
    private readonly double _last;

    /// <param name="first">The smallest value shown, e.g. the first run's number.</param>
    /// <param name="last">The largest value shown, e.g. the last run's number; <see cref="double.PositiveInfinity"/> for a count with no natural end.</param>
    public WholeNumberTicks(double first, double last)
    {
        _first = first;
        _last = last;
    }

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount
    {
        get => _automatic.MaxTickCount;
        set => _automatic.MaxTickCount = value;
    }

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        _automatic.Regenerate(range, edge, size, paint, labelStyle);
        Ticks = [.. _automatic.Ticks.Where(t => t.Position >= _first && t.Position <= _last && t.Position == Math.Round(t.Position))];
    }
}
