using Nomadic.Tuning.Encoders;
using Nomadic.Tuning.QuasiRandom;

namespace Nomadic.Tuning.Gp;

/// <summary>
/// Maximizes the acquisition function over a mixed space as Optuna's GP sampler does: many quasi-random candidates,
/// then local searches from the incumbent, the best candidate and further candidates drawn by a roulette wheel that
/// favours high values.
/// </summary>
internal sealed class AcquisitionOptimizer
{
    private readonly SpaceEncoder _encoder;
    private readonly HaltonSequence _candidates;
    private readonly System.Random _random;
    private readonly int _candidateCount;
    private readonly int _localSearches;

    /// <summary>Initializes a new instance of the <see cref="AcquisitionOptimizer"/> class.</summary>
    /// <param name="encoder">The space's encoder.</param>
    /// <param name="random">The seeded source for the candidates and the roulette.</param>
    /// <param name="candidateCount">The number of quasi-random candidates per call.</param>
    /// <param name="localSearches">The number of local searches per call.</param>
    public AcquisitionOptimizer(SpaceEncoder encoder, System.Random random, int candidateCount, int localSearches)
    {
        _encoder = encoder;
        _random = random;
        _candidates = new HaltonSequence(encoder.Dimension, random);
        _candidateCount = candidateCount;
        _localSearches = localSearches;
    }

    /// <summary>Finds points of high acquisition value.</summary>
    /// <param name="acquisition">The function to maximize.</param>
    /// <param name="lengthScales">The kernel's length scales, to precondition gradient ascent.</param>
    /// <param name="incumbent">The best observed point, a further start.</param>
    /// <param name="pinned">For each coordinate, a value it must keep, or <see langword="null"/> when it is free.</param>
    /// <returns>The points found, best first: local optima, then the candidates.</returns>
    public IEnumerable<double[]> Maximize(Acquisition acquisition, double[] lengthScales, double[] incumbent, double?[] pinned)
    {
        var points = new double[_candidateCount][];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = _encoder.Canonical(SpaceEncoder.Pin(_encoder.FromUniform(_candidates.Next()), pinned));
        }

        double[] values = acquisition.Values(points);

        var search = new LocalSearch(acquisition, _encoder.Coders, lengthScales, pinned.Select(p => p is null).ToArray());
        var optima = new List<(double[] Point, double Value)>();
        double[] start = SpaceEncoder.Pin((double[])incumbent.Clone(), pinned);
        optima.Add(search.Climb(start, acquisition.Value(start)));
        foreach (int i in Starts(values))
        {
            optima.Add(search.Climb(points[i], values[i]));
        }

        // A climb may move coordinates of parameters that do not exist at its end point; it is judged where it lands.
        for (int i = 0; i < optima.Count; i++)
        {
            double[] canonical = _encoder.Canonical(optima[i].Point);
            optima[i] = ReferenceEquals(canonical, optima[i].Point) ? optima[i] : (canonical, acquisition.Value(canonical));
        }

        return optima.OrderByDescending(o => o.Value).Select(o => o.Point)
            .Concat(Enumerable.Range(0, points.Length).OrderByDescending(i => values[i]).Select(i => points[i]));
    }

    // The best candidate, then a roulette wheel with weights exp(value − max): a start may come from any basin, more
    // likely from a promising one.
    private List<int> Starts(double[] values)
    {
        int best = Array.IndexOf(values, values.Max());
        var chosen = new List<int> { best };
        double[] weights = values.Select(v => Math.Exp(v - values[best])).ToArray();
        weights[best] = 0;
        while (chosen.Count < _localSearches - 1)
        {
            double total = weights.Sum();
            if (!(total > 0))
            {
                break;
            }

            double target = _random.NextDouble() * total;
            int i = 0;
            while (i < weights.Length - 1 && (target -= weights[i]) >= 0)
            {
                i++;
            }

            chosen.Add(i);
            weights[i] = 0;
        }

        return chosen;
    }
}
