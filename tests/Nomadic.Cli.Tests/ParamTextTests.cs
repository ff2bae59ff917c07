namespace Nomadic.Cli.Tests;

public sealed class ParamTextTests
{
    [Theory]
    [InlineData("lr", "NOMADIC_PARAM_LR")]
    [InlineData("batch-size", "NOMADIC_PARAM_BATCH_SIZE")]
    [InlineData("model.depth", "NOMADIC_PARAM_MODEL_DEPTH")]
    public void VariableName_Parameter_IsUpperCaseWithUnderscores(string name, string expected) =>
        Assert.Equal(expected, ParamText.VariableName(name));

    [Fact]
    public void Invariant_Values_AreCultureFreeText() =>
        Assert.Equal(["1e-05", "0.5", "32", "true", "", "x"], new object?[] { 1e-5, 0.5, 32, true, null, "x" }.Select(ParamText.Invariant));

    [Fact]
    public void Invariant_ListAndDictionary_AreCompactJson() =>
        Assert.Equal(
            ["[\"END\",\"</answer>\"]", "{\"top_k\":5,\"p\":0.5}"],
            new object?[] { new List<object?> { "END", "</answer>" }, new Dictionary<string, object?> { ["top_k"] = 5, ["p"] = 0.5 } }.Select(ParamText.Invariant));
}
