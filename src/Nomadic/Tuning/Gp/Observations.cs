using Nomadic.Results;
using Nomadic.Tuning.Encoders;

namespace Nomadic.Tuning.Gp;

/// <summary>
/// What the model learns from: the encoded points of completed runs with their scores standardized so larger is
/// better, the points of running configurations, and every configuration already tried.
/// </summary>
internal sealed class Observations
{
    private Observations(double[][] points, double[] values, double[][] running, HashSet<double[]> known)
    {
        Points = points;
        Values = values;
        Running = running;
        Known = known;
        int best = values.Length == 0 ? -1 : Array.IndexOf(values, values.Max());
        BestValue = best < 0 ? double.NaN : values[best];
        BestPoint = best < 0 ? [] : points[best];
    }

    /// <summary>Gets the points of the completed runs with a finite score.</summary>
    public double[][] Points { get; }

    /// <summary>Gets their scores, standardized to mean 0 and variance 1 and negated when minimizing.</summary>
    public double[] Values { get; }

    /// <summary>Gets the points of the configurations running now.</summary>
    public double[][] Running { get; }

    /// <summary>Gets the canonical points of every configuration finished (failed ones included) or running.</summary>
    public HashSet<double[]> Known { get; }

    /// <summary>Gets the best standardized value, or <see cref="double.NaN"/> when there is none.</summary>
    public double BestValue { get; }

    /// <summary>Gets the point of the best value.</summary>
    public double[] BestPoint { get; }

    /// <summary>Collects the observations of a tuner context.</summary>
    /// <param name="context">The runs finished and running.</param>
    /// <param name="encoder">The space's encoder; runs it cannot encode are left out.</param>
    /// <param name="direction">Whether higher or lower scores are better.</param>
    /// <returns>The observations.</returns>
    public static Observations Collect(TunerContext context, SpaceEncoder encoder, Direction direction)
    {
        var known = new HashSet<double[]>(PointComparer.Instance);
        var points = new List<double[]>();
        var scores = new List<double>();
        foreach (RunResult run in context.FinishedRuns)
        {
            if (encoder.Encode(run.Params) is not double[] point)
            {
                continue;
            }

            known.Add(point);
            if (run.HasUsableScore)
            {
                points.Add(point);
                scores.Add(direction == Direction.Minimize ? -run.Score : run.Score);
            }
        }

        var running = new List<double[]>();
        foreach (IReadOnlyDictionary<string, object?> configuration in context.RunningConfigurations)
        {
            if (encoder.Encode(configuration) is double[] point)
            {
                known.Add(point);
                running.Add(point);
            }
        }

        return new Observations([.. points], Standardize(scores), [.. running], known);
    }

    private static double[] Standardize(List<double> scores)
    {
        if (scores.Count == 0)
        {
            return [];
        }

        // Dividing by the largest magnitude first keeps sums of squares finite for scores near double's range.
        double magnitude = Math.Max(scores.Max(Math.Abs), double.Epsilon);
        double[] scaled = scores.Select(s => s / magnitude).ToArray();
        double mean = scaled.Average();
        double deviation = Math.Sqrt(scaled.Sum(s => (s - mean) * (s - mean)) / scaled.Length);
        double scale = deviation > 1e-10 ? deviation : 1.0;
        return scaled.Select(s => (s - mean) / scale).ToArray();
    }
}
