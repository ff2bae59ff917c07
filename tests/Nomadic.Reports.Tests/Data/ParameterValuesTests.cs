using Nomadic.Reports.Data;

namespace Nomadic.Reports.Tests.Data;

public sealed class ParameterValuesTests
{
    [Fact]
    public void Label_ListAndDictionary_AreCompactJsonNotTypeNames()
    {
        Assert.Equal("[\"END\",\"</answer>\"]", ParameterValues.Label(new List<object?> { "END", "</answer>" }));
        Assert.Equal("{\"k\":3}", ParameterValues.Label(new Dictionary<string, object?> { ["k"] = 3L }));
    }

    [Fact]
    public void Label_Scalars_AreInvariantText()
    {
        Assert.Equal("null", ParameterValues.Label(null));
        Assert.Equal("true", ParameterValues.Label(true));
        Assert.Equal("adam", ParameterValues.Label("adam"));
        Assert.Equal("12", ParameterValues.Label(12));
        Assert.Equal("0.25", ParameterValues.Label(0.25));
    }
}
