using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class TpeSpaceTests
{
    [Fact]
    public void Constructor_MixedSpace_ModelsOnlyParametersWithAChoiceToMake()
    {
        var space = new TpeSpace(new SearchSpace
        {
            ["grid"] = Tune.GridSearch(1, 2),
            ["x"] = Tune.Uniform(0, 1),
            ["one"] = Tune.Choice("only"),
            ["k"] = Tune.RandInt(5, 6),
            ["c"] = Tune.Choice("a", "b"),
        });

        Assert.Equal(["x", "c"], space.Names);
        Assert.Equal(["one", "k"], space.FixedValues.Select(p => p.Key));
        Assert.Equal(5, space.FixedValues[1].Value);
        Assert.IsType<NumericScale>(space.Scales[0]);
        Assert.IsType<CategoricalScale>(space.Scales[1]);
    }

    [Fact]
    public void TryParse_MissingOrForeignValue_IsFalse()
    {
        var space = new TpeSpace(new SearchSpace { ["x"] = Tune.Uniform(0, 1), ["c"] = Tune.Choice("a", "b") });
        double[] coordinates = new double[2];

        Assert.True(space.TryParse(TpeFixtures.Point(("x", 0.25), ("c", "b")), coordinates));
        Assert.Equal([0.25, 1.0], coordinates);
        Assert.False(space.TryParse(TpeFixtures.Point(("x", 0.25)), coordinates));
        Assert.False(space.TryParse(TpeFixtures.Point(("x", 0.25), ("c", "z")), coordinates));
    }
}
