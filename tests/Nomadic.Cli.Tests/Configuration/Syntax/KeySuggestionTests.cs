using Nomadic.Cli.Configuration.Syntax;


namespace Nomadic.Cli.Tests.Configuration.Syntax;

public sealed class KeySuggestionTests
{
    private static readonly string[] Known = ["num_samples", "seed", "search_space", "tuner"];

    [Theory]
    [InlineData("num_sample", "num_samples")]
    [InlineData("Seed", "seed")]
    [InlineData("serch_space", "search_space")]
    [InlineData("tunr", "tuner")]
    public void Nearest_SmallTypo_FindsTheKnownKey(string typo, string expected) => Assert.Equal(expected, KeySuggestion.Nearest(typo, Known));

    [Fact]
    public void Nearest_UnrelatedKey_FindsNothing() => Assert.Null(KeySuggestion.Nearest("sampler", Known));
}
