using CsCheck;
using Nomadic.Tuning;
using Nomadic.Tuning.LocalSearch;

namespace Nomadic.Tests.Tuning.LocalSearch;

public class UnitSpaceTests
{
    [Fact]
    public void Encode_AnyConfiguration_DecodesBackToIt()
    {
        Gen.Select(DomainGenerators.Space, Gen.Int).Sample(scenario =>
        {
            (SearchSpace space, int seed) = scenario;
            var unit = new UnitSpace(space);
            var random = new System.Random(seed);
            var configuration = space.ToDictionary(p => p.Key, p => p.Value.Sample(random));
            var grid = space.Where(p => p.Value.IsExhaustive).ToDictionary(p => p.Key, p => configuration[p.Key]);

            Dictionary<string, object?> decoded = unit.Decode(unit.Encode(configuration, unit.Centre()), grid);

            foreach ((string name, Domain domain) in space)
            {
                if (domain is FloatDomain { Step: null })
                {
                    double expected = (double)configuration[name]!;
                    Assert.True(Math.Abs((double)decoded[name]! - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{name}: {decoded[name]} for {expected}");
                }
                else
                {
                    Assert.Equal(LocalSearchDriver.Key(new Dictionary<string, object?> { [name] = configuration[name] }), LocalSearchDriver.Key(new Dictionary<string, object?> { [name] = decoded[name] }));
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Encode_ChoiceAndMissingParameter_UsesIntervalCentresAndTheFallback()
    {
        var space = new SearchSpace { ["c"] = Tune.Choice("a", "b", "c", "d"), ["x"] = Tune.Uniform(0, 10), ["g"] = Tune.GridSearch(1, 2) };
        var unit = new UnitSpace(space);

        double[] point = unit.Encode(new Dictionary<string, object?> { ["c"] = "c" }, [0.1, 0.9]);

        Assert.Equal(["c", "x"], unit.Names);
        Assert.Equal([0.625, 0.9], point);
        Assert.Equal([0.125, 0.5], unit.Centre());
    }

    [Fact]
    public void StepLowerBound_DiscreteSpace_IsTheFinestResolutionTimesRootD()
    {
        var discrete = new UnitSpace(new SearchSpace { ["k"] = Tune.RandInt(0, 50), ["c"] = Tune.Choice("a", "b") });
        var mixed = new UnitSpace(new SearchSpace { ["k"] = Tune.RandInt(0, 50), ["x"] = Tune.Uniform(0, 1) });

        Assert.Equal(Math.Sqrt(2) / 50, discrete.StepLowerBound([0.5, 0.5], 1e-4), 12);
        Assert.Equal(1e-4, mixed.StepLowerBound([0.5, 0.5], 1e-4));
    }
}
