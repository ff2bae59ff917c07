using Nomadic.Cli.Objectives;

namespace Nomadic.Cli.Tests.Objectives;

public sealed class PlaceholdersTests
{
    private static readonly Dictionary<string, object?> Params = new() { ["lr"] = 0.0001, ["layers"] = 3, ["opt"] = "adam", ["warm"] = false, ["none"] = null };

    [Theory]
    [InlineData("{lr}", "0.0001")]
    [InlineData("--layers={layers}", "--layers=3")]
    [InlineData("{opt}-{layers}", "adam-3")]
    [InlineData("{warm}", "false")]
    [InlineData("[{none}]", "[]")]
    [InlineData("{missing}", "{missing}")]
    [InlineData("{\"json\": 1}", "{\"json\": 1}")]
    public void Expand_Argument_ReplacesKnownNamesByInvariantText(string argument, string expected) =>
        Assert.Equal(expected, Placeholders.Expand(argument, Params));

    [Fact]
    public void Names_Argument_ListsEveryPlaceholder() =>
        Assert.Equal(["a", "b.c", "d-e"], Placeholders.Names("{a}/{b.c}:{d-e} {}"));
}
