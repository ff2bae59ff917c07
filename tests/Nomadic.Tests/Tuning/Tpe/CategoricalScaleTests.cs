using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class CategoricalScaleTests
{
    private static readonly CategoricalScale Scale = new(Tune.Choice(1, "a", null, true));

    [Fact]
    public void ToModel_Choice_IsItsIndexAndNumbersCompareByValue()
    {
        Assert.Equal([0.0, 0.0, 1.0, 2.0, 3.0], new object?[] { 1, 1L, "a", null, true }.Select(Scale.ToModel));
    }

    [Fact]
    public void ToModel_NotAChoice_IsNaN()
    {
        Assert.True(double.IsNaN(Scale.ToModel("b")));
    }

    [Fact]
    public void Snap_Index_GivesTheChoiceItself()
    {
        Assert.Equal(1.0, Scale.Snap(1.0, out object? value));
        Assert.Equal("a", value);
        Assert.Equal(4, Scale.Count);
    }
}
