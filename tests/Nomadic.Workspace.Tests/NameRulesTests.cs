namespace Nomadic.Workspace.Tests;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u061C")]
    [InlineData("\u202A")]
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u202D")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    public void Check_BidiControl_NamesItAndWhere(string control)
    {
        string? problem = NameRules.Check($"report{control}fdp.exe", "name");

        Assert.Equal($"\"name\" must not contain bidirectional control characters (U+{(int)control[0]:X4} at position 6).", problem);
    }

    [Theory]
    [InlineData(0xD800, "y")]
    [InlineData(0xDC00, "")]
    public void Check_UnpairedSurrogate_NamesItAndWhere(int surrogate, string after)
    {
        // Built here: test data attributes cannot carry a lone surrogate intact.
        string name = "x" + (char)surrogate + after;

        Assert.Contains($"unpaired surrogate (U+{surrogate:X4} at position 1)", NameRules.Check(name, "name"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sweep")]
    [InlineData("صبح")]
    [InlineData("rocket \U0001F680")]
    [InlineData("../../etc/passwd")]
    public void Check_OrdinaryName_IsValid(string name)
    {
        Assert.Null(NameRules.Check(name, "name"));
    }

    [Fact]
    public void WithoutBidiControls_RemovesOnlyThem()
    {
        Assert.Equal("abcd", NameRules.WithoutBidiControls("a\u202Eb\u2066c\u200Fd"));
        Assert.Equal("صبح", NameRules.WithoutBidiControls("صبح"));
    }
}
