using CsCheck;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.QuasiRandom;

public class QuasiRandomTunerTests
{
    private static readonly TunerContext Context = new([], []);

    private static readonly SearchSpace MixedSpace = new()
    {
        ["lr"] = Tune.LogUniform(1e-5, 1e-1),
        ["opt"] = Tune.Choice("sgd", "adam", "rmsprop"),
        ["layers"] = Tune.RandInt(1, 8),
        ["dropout"] = Tune.QUniform(0, 0.5, 0.05),
    };

    [Fact]
    public void Suggest_DifferentSeeds_GiveDifferentSequences()
    {
        Assert.NotEqual(Texts(new QuasiRandomTuner(1), MixedSpace, 0, 10), Texts(new QuasiRandomTuner(2), MixedSpace, 0, 10));
    }

    [Fact]
    public void Suggest_NoSeedOfItsOwn_UsesTheExperimentSeed()
    {
        Assert.Equal(Texts(new QuasiRandomTuner(), MixedSpace, 9, 10), Texts(new QuasiRandomTuner(9), MixedSpace, 123, 10));
        Assert.NotEqual(Texts(new QuasiRandomTuner(), MixedSpace, 9, 10), Texts(new QuasiRandomTuner(), MixedSpace, 10, 10));
    }

    [Fact]
    public void Suggest_FirstPowerOfTwo_PutsOneValueInEveryBinOfEveryParameter()
    {
        double[][] points = UnitPoints(new QuasiRandomTuner(11), dimension: 6, count: 256);

        for (int j = 0; j < 6; j++)
        {
            int[] counts = new int[256];
            foreach (double[] point in points)
            {
                counts[(int)(point[j] * 256)]++;
            }

            Assert.All(counts, c => Assert.Equal(1, c));
        }
    }

    [Fact]
    public void Suggest_HasLowerCenteredDiscrepancyThanRandomSearch()
    {
        for (int seed = 0; seed < 5; seed++)
        {
            double sobol = CenteredL2Discrepancy(UnitPoints(new QuasiRandomTuner(seed), 5, 128));
            double random = CenteredL2Discrepancy(UnitPoints(new RandomTuner(seed), 5, 128));

            Assert.True(sobol < random / 2, $"seed {seed}: sobol {sobol}, random {random}");
        }
    }

    [Fact]
    public void Suggest_MoreParametersThanTheSobolTable_StillCoversEveryDomain()
    {
        int dimension = QuasiRandomTuner.MaxSobolDimension + 4;
        double[][] points = UnitPoints(new QuasiRandomTuner(5), dimension, 50);

        Assert.All(points, p => Assert.All(p, v => Assert.InRange(v, 0.0, 1.0)));
        Assert.Equal(50, points.Select(p => p[^1]).Distinct().Count());
    }

    [Fact]
    public void Suggest_GridSearchParameter_CyclesThroughItsValuesInOrder()
    {
        var space = new SearchSpace { ["model"] = Tune.GridSearch("a", "b", "c"), ["t"] = Tune.Uniform(0, 1) };
        var tuner = new QuasiRandomTuner(7);
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));

        var configurations = Enumerable.Range(0, 7).Select(_ => tuner.Suggest(Context)!).ToList();

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], configurations.Select(c => c["model"]));
        Assert.Equal(7, configurations.Select(c => c["t"]).Distinct().Count());
    }

    [Fact]
    public void Suggest_OnlyGridSearchParameters_CyclesThroughTheGrid()
    {
        var space = new SearchSpace { ["a"] = Tune.GridSearch(1, 2), ["b"] = Tune.GridSearch("x", "y") };
        var tuner = new QuasiRandomTuner(3);
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));

        var pairs = Enumerable.Range(0, 5).Select(_ => tuner.Suggest(Context)!).Select(c => $"{c["a"]}{c["b"]}");

        Assert.Equal(["1x", "1y", "2x", "2y", "1x"], pairs);
    }

    [Fact]
    public async Task RunAsync_InAnExperiment_EvaluatesDistinctConfigurationsReproducibly()
    {
        static async Task<List<double>> Scores(int seed)
        {
            var space = new SearchSpace { ["x"] = Tune.Uniform(-5, 5), ["k"] = Tune.RandInt(0, 10) };
            var options = new Nomadic.Experiments.ExperimentOptions { Tuner = new QuasiRandomTuner(), NumSamples = 32, Seed = seed, Direction = Direction.Minimize };
            using var experiment = new Nomadic.Experiments.Experiment(space, p => ((double)p["x"]! * (double)p["x"]!) + (int)p["k"]!, options);
            ExperimentResult result = await experiment.RunAsync();
            return [.. result.RunResults.Select(r => r.Score)];
        }

        List<double> first = await Scores(4);

        Assert.Equal(32, first.Distinct().Count());
        Assert.Equal(first, await Scores(4));
    }

    [Fact]
    public void Suggest_BeforeInitialize_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => new QuasiRandomTuner(1).Suggest(Context));
    }

    [Fact]
    public void Name_IsSobol()
    {
        Assert.Equal("sobol", new QuasiRandomTuner().Name);
    }

    /// <summary>Suggestions on a space of Uniform(0, 1) parameters, as unit-cube points.</summary>
    private static double[][] UnitPoints(ITuner tuner, int dimension, int count)
    {
        var space = new SearchSpace();
        for (int j = 0; j < dimension; j++)
        {
            space.Add("u" + j, Tune.Uniform(0, 1));
        }

        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            IReadOnlyDictionary<string, object?> c = tuner.Suggest(Context)!;
            return Enumerable.Range(0, dimension).Select(j => (double)c["u" + j]!).ToArray();
        })];
    }

    /// <summary>Hickernell's (1998) centered L2 discrepancy, squared.</summary>
    private static double CenteredL2Discrepancy(double[][] points)
    {
        int n = points.Length;
        int d = points[0].Length;
        double single = 0;
        double pairs = 0;
        foreach (double[] x in points)
        {
            double product = 1;
            foreach (double v in x)
            {
                double c = Math.Abs(v - 0.5);
                product *= 1 + (0.5 * c) - (0.5 * c * c);
            }

            single += product;
            foreach (double[] y in points)
            {
                double pair = 1;
                for (int k = 0; k < d; k++)
                {
                    pair *= 1 + (0.5 * Math.Abs(x[k] - 0.5)) + (0.5 * Math.Abs(y[k] - 0.5)) - (0.5 * Math.Abs(x[k] - y[k]));
                }

                pairs += pair;
            }
        }

        return Math.Pow(13.0 / 12.0, d) - (2.0 / n * single) + (pairs / ((double)n * n));
    }

    private static List<string> Texts(QuasiRandomTuner tuner, SearchSpace space, int experimentSeed, int count)
    {
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, experimentSeed));
        return Enumerable.Range(0, count)
            .Select(_ => string.Join(";", tuner.Suggest(Context)!.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))
            .ToList();
    }
}
