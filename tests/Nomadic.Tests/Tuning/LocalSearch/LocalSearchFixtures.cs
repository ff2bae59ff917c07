using CsCheck;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.LocalSearch;

/// <summary>Spaces, objectives and histories shared by the local-search tuner tests.</summary>
internal static class LocalSearchFixtures
{
    public static readonly double[] SphereCentre = [0.37, -0.52, 0.71];

    public static SearchSpace Cube(int dimension) =>
        Enumerable.Range(0, dimension).Aggregate(new SearchSpace(), (space, i) =>
        {
            space.Add("x" + i, Tune.Uniform(-1.0, 1.0));
            return space;
        });

    /// <summary>A sphere with its minimum 0 away from the centre of <see cref="Cube"/>(3).</summary>
    public static double Sphere(IReadOnlyDictionary<string, object?> p) =>
        SphereCentre.Select((c, i) => Math.Pow((double)p["x" + i]! - c, 2)).Sum();

    public static readonly Gen<(SearchSpace Space, int Seed, int Runs)> Scenario =
        Gen.Select(DomainGenerators.Space, Gen.Int, Gen.Int[0, 30]);

    /// <summary>Feeds random runs of every status (and a run missing a parameter) and returns a few configurations to pass as running.</summary>
    public static List<IReadOnlyDictionary<string, object?>> Observe(ITuner tuner, SearchSpace space, int seed, int runs)
    {
        var random = new System.Random(seed);
        for (int i = 0; i < runs; i++)
        {
            Dictionary<string, object?> parameters = space.ToDictionary(p => p.Key, p => p.Value.Sample(random));
            double score = (random.NextDouble() - 0.5) * 100;
            if (i == 3)
            {
                parameters.Remove(space.Names[0]);
            }

            tuner.Observe(random.Next(6) switch
            {
                0 => RunResult.Failed(parameters, "boom"),
                1 => new RunResult(score, parameters) { Status = RunStatus.Pruned },
                _ => new RunResult(score, parameters) { Duration = TimeSpan.FromSeconds(random.NextDouble()) },
            });
        }

        return Enumerable.Range(0, random.Next(4)).Select(_ => (IReadOnlyDictionary<string, object?>)space.ToDictionary(p => p.Key, p => p.Value.Sample(random))).ToList();
    }

    /// <summary>Asserts that a configuration has a value inside its domain, of the domain's type, for every parameter.</summary>
    public static void AssertInside(SearchSpace space, IReadOnlyDictionary<string, object?> configuration)
    {
        Assert.Equal(space.Names.Order(), configuration.Keys.Order());
        Assert.True(space.Contains(configuration), $"{space} does not contain {string.Join(", ", configuration)}");
        foreach ((string name, Domain domain) in space)
        {
            switch (domain)
            {
                case FloatDomain:
                    Assert.IsType<double>(configuration[name]);
                    break;
                case IntDomain:
                    Assert.IsType<int>(configuration[name]);
                    break;
            }
        }
    }

    /// <summary>The texts of the first suggestions of a tuner fed a deterministic score.</summary>
    public static List<string> Texts(ITuner tuner, SearchSpace space, int count, int experimentSeed = 0) =>
        LocalSearchDriver.Run(tuner, space, count, c => LocalSearchDriver.Key(c).Length % 7, Direction.Minimize, experimentSeed)
            .Select(r => LocalSearchDriver.Key(r.Params)).ToList();

    /// <summary>The best regret of each seed after <paramref name="runs"/> runs on a benchmark function.</summary>
    public static double[] Regrets(Nomadic.Objectives.BenchmarkFunction function, Func<ITuner> tuner, int runs, int seeds) =>
        Enumerable.Range(0, seeds)
            .Select(seed => LocalSearchDriver.Run(tuner(), function.SearchSpace, runs, function.Evaluate, Direction.Minimize, seed).Min(r => r.Score) - function.Optimum)
            .ToArray();
}
