using Nomadic.Results;

namespace Nomadic.Pruning;

/// <summary>Reads learning curves: lists of intermediate values in increasing step order.</summary>
internal static class Curves
{
    /// <summary>Finds the value reported at exactly <paramref name="step"/>.</summary>
    public static bool TryGetValue(IReadOnlyList<IntermediateValue> values, long step, out double value)
    {
        int index = FirstAtOrAfter(values, step);
        bool found = index < values.Count && values[index].Step == step;
        value = found ? values[index].Value : double.NaN;
        return found;
    }

    /// <summary>Finds the first value reported at <paramref name="step"/> or later: what the run had when it reached that step.</summary>
    public static bool TryGetValueReaching(IReadOnlyList<IntermediateValue> values, long step, out double value)
    {
        int index = FirstAtOrAfter(values, step);
        value = index < values.Count ? values[index].Value : double.NaN;
        return index < values.Count;
    }

    /// <summary>Gets the best of the values (highest when maximizing); the list must not be empty.</summary>
    public static double Best(IReadOnlyList<IntermediateValue> values, Direction direction)
    {
        double best = values[0].Value;
        for (int i = 1; i < values.Count; i++)
        {
            best = direction == Direction.Maximize ? Math.Max(best, values[i].Value) : Math.Min(best, values[i].Value);
        }

        return best;
    }

    /// <summary>The q-th percentile (0 to 100) with linear interpolation between the closest ranks, as NumPy computes it; sorts the list.</summary>
    public static double Percentile(List<double> values, double q)
    {
        values.Sort();
        double position = q / 100 * (values.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, values.Count - 1);
        double fraction = position - lower;

        // Equal neighbours (two infinities included) need no interpolation, which would give NaN for infinities.
        return fraction == 0 || values[lower] == values[upper] ? values[lower] : values[lower] + ((values[upper] - values[lower]) * fraction);
    }

    private static int FirstAtOrAfter(IReadOnlyList<IntermediateValue> values, long step)
    {
        int low = 0;
        int high = values.Count;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (values[middle].Step < step)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
