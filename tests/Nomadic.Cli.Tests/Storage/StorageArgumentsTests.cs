using Nomadic.Cli.Storage;
using Nomadic.Storage;

namespace Nomadic.Cli.Tests.Storage;

public sealed class StorageArgumentsTests
{
    [Fact]
    public void Parse_UnknownForm_IsAnInputErrorListingTheForms()
    {
        var error = Assert.Throws<InputException>(() => StorageArguments.Parse("mysql://nomadic:secret@db/x", "/work"));

        Assert.Equal($"unrecognized storage \"mysql://nomadic:***@db/x\"; expected {StorageUrl.Forms}", error.Message);
    }

    [Fact]
    public void Parse_SqlitePath_IsResolvedAgainstTheFolder()
    {
        Assert.Equal("/work/runs.db", StorageArguments.Parse("sqlite:runs.db", "/work").Target);
    }
}
