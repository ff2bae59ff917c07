namespace Nomadic.Results;

/// <summary>
/// The objective values of runs as vectors to minimize: the score first, then each extra objective, every one negated
/// when it is maximized, so "lower is better" holds in every coordinate.
/// </summary>
internal static class ObjectiveVectors
{
    /// <summary>Builds the vector of a run.</summary>
    /// <param name="run">The run.</param>
    /// <param name="direction">The score's direction.</param>
    /// <param name="objectives">The extra objectives.</param>
    /// <returns>The vector, or <see langword="null"/> when the run is not completed with a finite score and every metric.</returns>
    public static double[]? Of(RunResult run, Direction direction, IReadOnlyList<ObjectiveMetric> objectives)
    {
        if (!run.HasUsableScore)
        {
            return null;
        }

        var values = new double[objectives.Count + 1];
        values[0] = Oriented(run.Score, direction);
        for (int i = 0; i < objectives.Count; i++)
        {
            if (!objectives[i].TryGetValue(run, out double value))
            {
                return null;
            }

            values[i + 1] = Oriented(value, objectives[i].Direction);
        }

        return values;
    }

    /// <summary>Checks a list of extra objectives: no null, every name non-empty and used once.</summary>
    /// <param name="objectives">The objectives.</param>
    /// <param name="name">The setting's name, for the message.</param>
    /// <exception cref="ArgumentException">The list is invalid; the message says how.</exception>
    public static void Validate(IReadOnlyList<ObjectiveMetric>? objectives, string name)
    {
        ArgumentNullException.ThrowIfNull(objectives, name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < objectives.Count; i++)
        {
            if (objectives[i] is not ObjectiveMetric objective)
            {
                throw new ArgumentException($"{name}[{i}] is null.", name);
            }

            if (string.IsNullOrWhiteSpace(objective.Name))
            {
                throw new ArgumentException($"{name}[{i}] has no name; name the metadata key holding its value.", name);
            }

            if (!seen.Add(objective.Name))
            {
                throw new ArgumentException($"{name} lists '{objective.Name}' twice; each objective needs its own metadata key.", name);
            }
        }
    }

    /// <summary>Describes objectives in one line, e.g. <c>latency_ms (minimize), cost (minimize)</c>, or <c>none</c>.</summary>
    public static string Describe(IReadOnlyList<ObjectiveMetric> objectives) =>
        objectives.Count == 0 ? "none" : string.Join(", ", objectives);

    private static double Oriented(double value, Direction direction) => direction == Direction.Maximize ? -value : value;
}
