using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Computes <see cref="ParameterHeatmapData"/>: numeric parameters with few distinct values keep them, others are binned.</summary>
internal static class ParameterHeatmapBuilder
{
    private const int MaxDistinct = 8;
    private const int Bins = 6;

    public static ParameterHeatmapData Build(ExperimentResult result, string x, string y)
    {
        ParameterAxis xAxis = ParameterAxes.For(result, x), yAxis = ParameterAxes.For(result, y);
        RunResult[] runs = [.. result.RunResults.Where(r => r.HasUsableScore)];
        Cells xCells = Cells.Of(xAxis, runs), yCells = Cells.Of(yAxis, runs);
        var sums = new double[yCells.Labels.Count, xCells.Labels.Count];
        var counts = new double[yCells.Labels.Count, xCells.Labels.Count];
        foreach (RunResult run in runs)
        {
            int column = xCells.IndexOf(run), row = yCells.IndexOf(run);
            if (column >= 0 && row >= 0)
            {
                sums[row, column] += run.Score;
                counts[row, column]++;
            }
        }

        var means = new double[sums.GetLength(0), sums.GetLength(1)];
        for (int r = 0; r < means.GetLength(0); r++)
        {
            for (int c = 0; c < means.GetLength(1); c++)
            {
                means[r, c] = counts[r, c] > 0 ? sums[r, c] / counts[r, c] : double.NaN;
            }
        }

        return new ParameterHeatmapData(xAxis, yAxis, xCells.Labels, yCells.Labels, new ValueGrid(means), new ValueGrid(counts));
    }

    /// <summary>The cells along one parameter: its categories, its distinct values, or equal-width bins in its own scale.</summary>
    private sealed class Cells
    {
        private readonly ParameterAxis _axis;
        private readonly double[] _values = [];
        private readonly double[] _edges = [];

        private Cells(ParameterAxis axis, IReadOnlyList<string> labels, double[] values, double[] edges)
        {
            _axis = axis;
            Labels = labels;
            _values = values;
            _edges = edges;
        }

        public IReadOnlyList<string> Labels { get; }

        public static Cells Of(ParameterAxis axis, IReadOnlyList<RunResult> runs)
        {
            if (!axis.IsNumeric)
            {
                return new Cells(axis, axis.Categories, [], []);
            }

            double[] distinct = [.. runs.Select(r => ParameterAxes.Position(axis, r)).Where(double.IsFinite).Distinct().Order()];
            if (distinct.Length <= MaxDistinct)
            {
                return new Cells(axis, [.. distinct.Select(ParameterValues.Number)], distinct, []);
            }

            double low = ParameterAxes.Scaled(axis, distinct[0]), high = ParameterAxes.Scaled(axis, distinct[^1]);
            double[] edges = [.. Enumerable.Range(0, Bins + 1).Select(i => low + ((high - low) * i / Bins))];
            string[] labels = [.. Enumerable.Range(0, Bins).Select(i =>
                $"{ParameterValues.Number(ParameterAxes.Unscaled(axis, edges[i]))}–{ParameterValues.Number(ParameterAxes.Unscaled(axis, edges[i + 1]))}")];
            return new Cells(axis, labels, [], edges);
        }

        public int IndexOf(RunResult run)
        {
            double position = ParameterAxes.Position(_axis, run);
            if (double.IsNaN(position))
            {
                return -1;
            }

            if (!_axis.IsNumeric)
            {
                return (int)position;
            }

            if (_edges.Length == 0)
            {
                return Array.IndexOf(_values, position);
            }

            double scaled = ParameterAxes.Scaled(_axis, position);
            int bin = (int)((scaled - _edges[0]) / (_edges[^1] - _edges[0]) * Bins);
            return Math.Clamp(bin, 0, Bins - 1);
        }
    }
}
