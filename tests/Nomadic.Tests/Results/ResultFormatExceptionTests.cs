using Nomadic.Results;

namespace Nomadic.Tests.Results;

public class ResultFormatExceptionTests
{
    [Fact]
    public void Constructor_PathAndProblem_MessageStartsWithPath()
    {
        var error = new ResultFormatException("/data/runs.json", "is not an experiment result");

        Assert.Equal("/data/runs.json: is not an experiment result.", error.Message);
    }

    [Fact]
    public void Constructor_NoPath_MessageSaysInvalidResult()
    {
        var error = new ResultFormatException((string?)null, "has no \"hp_search_space\"");

        Assert.Equal("Invalid experiment result: has no \"hp_search_space\".", error.Message);
    }

    [Fact]
    public void ResultFormatException_IsAFormatException()
    {
        Assert.IsAssignableFrom<FormatException>(new ResultFormatException("bad"));
    }
}
