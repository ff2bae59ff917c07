using CsCheck;
using Nomadic.Tuning;
using Nomadic.Tuning.Encoders;

namespace Nomadic.Tests.Tuning.Encoders;

public class SpaceEncoderTests
{
    [Fact]
    public void FromUniform_AnySpace_DecodesInsideTheSpaceAndReencodesToItself()
    {
        Gen.Select(DomainGenerators.Space, DomainGenerators.Unit.Array[5]).Sample((space, uniform) =>
        {
            var encoder = new SpaceEncoder(space);
            double[] point = encoder.FromUniform(uniform);

            Dictionary<string, object?> configuration = encoder.Decode(point);

            Assert.True(space.Contains(configuration), $"{space} does not contain {string.Join(", ", configuration)}");
            double[] again = encoder.Encode(configuration)!;
            for (int j = 0; j < point.Length; j++)
            {
                Assert.Equal(point[j], again[j], encoder.Coders[j].IsContinuous ? 1e-9 : 0.0);
            }
        }, iter: 300);
    }

    [Fact]
    public void Moves_AnyDiscreteDomain_GiveOtherValidValues()
    {
        Gen.Select(DomainGenerators.Any, DomainGenerators.Unit).Sample((domain, uniform) =>
        {
            var encoder = new SpaceEncoder(new SearchSpace { ["x"] = domain });
            ParameterCoder coder = encoder.Coders[0];
            double start = coder.FromUniform(uniform);
            object? current = coder.Decode(start);

            foreach (double move in coder.Moves(start))
            {
                object? value = coder.Decode(move);
                Assert.True(domain.Contains(value), $"{domain} does not contain {value}");
                Assert.False(Equals(value, current), $"move to the current value {value}");
                Assert.True(coder.TryEncode(value, out double back) && back == move, $"{value} encodes to {back}, not {move}");
            }
        }, iter: 300);
    }

    [Fact]
    public void Encode_Categorical_UsesTheIndexAndRejectsUnknownValues()
    {
        var encoder = new SpaceEncoder(new SearchSpace { ["opt"] = Tune.Choice("sgd", "adam", "rmsprop"), ["lr"] = Tune.LogUniform(1e-4, 1) });

        Assert.Equal([1.0, 0.5], encoder.Encode(new Dictionary<string, object?> { ["opt"] = "adam", ["lr"] = 0.01 })!, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Null(encoder.Encode(new Dictionary<string, object?> { ["opt"] = "lbfgs", ["lr"] = 0.01 }));
        Assert.Null(encoder.Encode(new Dictionary<string, object?> { ["opt"] = "adam" }));
        Assert.Equal([false, true], encoder.Coders.Select(c => c.IsContinuous));
        Assert.Equal([true, false], encoder.IsCategorical);
    }

    [Theory]
    [InlineData(1, 100, 1)]
    [InlineData(99, 100, 99)]
    [InlineData(37, 100, 37)]
    public void Decode_LogIntegerCoordinate_GivesBackTheEncodedValue(int value, int high, int expected)
    {
        var encoder = new SpaceEncoder(new SearchSpace { ["n"] = Tune.LogRandInt(1, high) });
        double[] point = encoder.Encode(new Dictionary<string, object?> { ["n"] = value })!;

        Assert.Equal(expected, encoder.Decode(point)["n"]);
    }

    [Fact]
    public void Decode_QuantizedFloat_GivesTheDecimalGridValue()
    {
        var encoder = new SpaceEncoder(new SearchSpace { ["dropout"] = Tune.QUniform(0, 0.5, 0.1) });
        double[] point = encoder.Encode(new Dictionary<string, object?> { ["dropout"] = 0.30000000000000004 })!;

        Assert.Equal(0.3, encoder.Decode(point)["dropout"]);
    }

    [Fact]
    public void EncodeDecode_AnyConfigurationOfAnySpace_GivesBackTheConfiguration()
    {
        Gen.Select(DomainGenerators.Space, Gen.Int).Sample((space, seed) =>
        {
            var encoder = new SpaceEncoder(space);
            var random = new Random(seed);
            var configuration = space.ToDictionary(p => p.Key, p => p.Value.Sample(random));

            Dictionary<string, object?> decoded = encoder.Decode(encoder.Encode(configuration)!);

            foreach ((string name, object? value) in configuration)
            {
                if (value is double x)
                {
                    Assert.Equal(x, (double)decoded[name]!, Math.Max(1e-12, Math.Abs(x) * 1e-9));
                }
                else
                {
                    Assert.Equal(value, decoded[name]);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Encode_InactiveConditionalParameter_TakesTheCoordinateOfItsFirstValue()
    {
        var space = new SearchSpace { ["opt"] = Tune.Choice("sgd", "adam") };
        space["momentum"] = Tune.Uniform(0.5, 1).When("opt", "sgd");
        var encoder = new SpaceEncoder(space);

        double[] point = encoder.Encode(new Dictionary<string, object?> { ["opt"] = "adam" })!;

        Assert.Equal([1.0, 0.0], point);
        Assert.Equal(point, encoder.Canonical([1.0, 0.7]));
        Assert.Equal([0.0, 0.7], encoder.Canonical([0.0, 0.7]));
    }

    [Fact]
    public void ToUnit_Categorical_GivesTheMiddleOfTheValuesInterval()
    {
        var domain = Tune.Choice("a", "b", "c", "d");
        ParameterCoder coder = new SpaceEncoder(new SearchSpace { ["c"] = domain }).Coders[0];

        Assert.True(coder.TryEncode("c", out double index));
        Assert.Equal(0.625, coder.ToUnit(index));
        Assert.Equal("c", domain.FromUnit(coder.ToUnit(index)));
    }
}
