using Nomadic.Analysis;
using Nomadic.Tuning;

namespace Nomadic.Tests.Analysis;

public class ImportanceFeatureTests
{
    [Fact]
    public void Create_QuantizedFloat_GivesEachValueHalfAStepEitherSide()
    {
        ImportanceFeature feature = ImportanceFeature.Create("q", Tune.QUniform(0, 1, 0.1), logScale: true)!;

        Assert.Equal(-0.05, feature.Low, 12);
        Assert.Equal(1.05, feature.High, 12);
    }

    [Fact]
    public void Create_QuantizedLogInteger_GivesEachValueHalfItsStepEitherSide()
    {
        ImportanceFeature feature = ImportanceFeature.Create("m", Tune.QLogRandInt(4, 64, 4), logScale: true)!;

        Assert.True(feature.IsLog);
        Assert.Equal(Math.Log(2), feature.Low, 12);
        Assert.Equal(Math.Log(66), feature.High, 12);
    }

    [Fact]
    public void Create_LogInteger_UsesLogarithmsWithHalfUnitCells()
    {
        ImportanceFeature feature = ImportanceFeature.Create("n", Tune.LogRandInt(1, 300), logScale: true)!;

        Assert.Equal(Math.Log(0.5), feature.Low);
        Assert.Equal(Math.Log(299.5), feature.High);
        Assert.Equal(Math.Log(10), feature.Encode(new Dictionary<string, object?> { ["n"] = 10 }), 12);
    }

    [Fact]
    public void Create_LogScaleOff_EncodesTheValueItself()
    {
        ImportanceFeature feature = ImportanceFeature.Create("lr", Tune.LogUniform(1e-3, 1), logScale: false)!;

        Assert.False(feature.IsLog);
        Assert.Equal(0.5, feature.Encode(new Dictionary<string, object?> { ["lr"] = 0.5 }));
    }

    [Fact]
    public void Create_SingleValue_ExplainsNothing()
    {
        Assert.Null(ImportanceFeature.Create("c", Tune.Choice("only"), logScale: true));
        Assert.Null(ImportanceFeature.Create("k", Tune.QRandInt(3, 5, 4), logScale: true));
    }

    [Fact]
    public void Encode_Choice_GivesTheIndexOrNaNForAnUnknownOrMissingValue()
    {
        ImportanceFeature feature = ImportanceFeature.Create("opt", Tune.Choice("sgd", "adam", 3), logScale: true)!;

        Assert.Equal(3, feature.Categories);
        Assert.Equal(2.0, feature.Encode(new Dictionary<string, object?> { ["opt"] = 3.0 }));
        Assert.True(double.IsNaN(feature.Encode(new Dictionary<string, object?> { ["opt"] = "lbfgs" })));
        Assert.True(double.IsNaN(feature.Encode(new Dictionary<string, object?>())));
    }

    [Fact]
    public void Encode_NumberOutsideTheDomain_IsClampedToTheAxis()
    {
        ImportanceFeature feature = ImportanceFeature.Create("k", Tune.RandInt(0, 10), logScale: true)!;

        Assert.Equal(9.5, feature.Encode(new Dictionary<string, object?> { ["k"] = 50 }));
        Assert.True(double.IsNaN(feature.Encode(new Dictionary<string, object?> { ["k"] = "x" })));
    }
}
