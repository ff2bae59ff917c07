using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class SearchSpaceExceptionTests
{
    [Fact]
    public void Constructor_ParameterAndProblem_MessageNamesBoth()
    {
        var error = new SearchSpaceException("lr", "loguniform bounds must be positive, got low 0");

        Assert.Equal("lr", error.ParameterName);
        Assert.Equal("Parameter 'lr': loguniform bounds must be positive, got low 0.", error.Message);
    }

    [Fact]
    public void Constructor_MessageOnly_HasEmptyParameterName()
    {
        var error = new SearchSpaceException("The search space is empty.");

        Assert.Equal("", error.ParameterName);
        Assert.Equal("The search space is empty.", error.Message);
    }

    [Fact]
    public void SearchSpaceException_IsAnArgumentException()
    {
        Assert.IsAssignableFrom<ArgumentException>(new SearchSpaceException("x", "problem"));
    }
}
