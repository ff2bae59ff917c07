using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Conditional;

public class ConditionalSearchSpaceTests
{
    [Fact]
    public void Add_ConditionOnUndeclaredParameter_NamesBothParameters()
    {
        var space = new SearchSpace();

        var error = Assert.Throws<SearchSpaceException>(() => space.Add("momentum", Tune.Uniform(0, 1).When("optimizer", "sgd")));

        Assert.Equal("momentum", error.ParameterName);
        Assert.Contains("'optimizer', which must be declared before it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ConditionValueTheParentCannotTake_IsRejected()
    {
        var space = new SearchSpace { ["optimizer"] = Tune.Choice("sgd", "adam") };

        var error = Assert.Throws<SearchSpaceException>(() => space.Add("momentum", Tune.Uniform(0, 1).When("optimizer", "sdg")));

        Assert.Contains("a value 'optimizer' cannot take", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ConditionOnItself_IsRejected()
    {
        var space = new SearchSpace { ["a"] = Tune.Choice(1, 2) };

        var error = Assert.Throws<SearchSpaceException>(() => space["a"] = Tune.Choice(1, 2).When("a", 1));

        Assert.Contains("condition on itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_KeepsTheDomainTypeAndLeavesTheOriginalUnconditional()
    {
        FloatDomain plain = Tune.Uniform(0, 1);

        FloatDomain conditional = plain.When("optimizer", "sgd", "nesterov");

        Assert.Null(plain.Condition);
        Assert.Equal("optimizer", conditional.Condition!.Parameter);
        Assert.Equal(["sgd", "nesterov"], conditional.Condition.Values);
        Assert.Equal(plain.Low, conditional.Low);
        Assert.Throws<ArgumentException>(() => plain.When("optimizer"));
    }

    [Fact]
    public void IsActive_NestedCondition_NeedsEveryAncestor()
    {
        SearchSpace space = ConditionalSpaces.Finite();

        Assert.True(space.IsActive("nesterov", new Dictionary<string, object?> { ["optimizer"] = "sgd", ["momentum"] = 0.9 }));
        Assert.False(space.IsActive("nesterov", new Dictionary<string, object?> { ["optimizer"] = "sgd", ["momentum"] = 0.0 }));
        Assert.False(space.IsActive("nesterov", new Dictionary<string, object?> { ["optimizer"] = "adam", ["momentum"] = 0.9 }));
        Assert.True(space.IsActive("lr", new Dictionary<string, object?>()));
    }

    [Fact]
    public void Activate_RemovesInactiveParametersAndKeepsOthers()
    {
        SearchSpace space = ConditionalSpaces.Finite();
        var proposal = new Dictionary<string, object?> { ["optimizer"] = "adam", ["momentum"] = 0.5, ["nesterov"] = true, ["beta"] = 2, ["lr"] = 0.1, ["model"] = "m" };

        Dictionary<string, object?> active = space.Activate(proposal);

        Assert.Equal(["optimizer", "beta", "lr", "model"], active.Keys);
        Assert.True(space.Contains(active));
        Assert.Null(space.FindProblem(active));
    }

    [Fact]
    public void FindProblem_MissingActiveParameterOrValueOutside_NamesIt()
    {
        SearchSpace space = ConditionalSpaces.Finite();

        Assert.Equal("'momentum' has no value", space.FindProblem(new Dictionary<string, object?> { ["optimizer"] = "sgd", ["lr"] = 0.1 }));
        Assert.Equal("'beta' = 7 is outside randint(1, 4)", space.FindProblem(new Dictionary<string, object?> { ["optimizer"] = "adam", ["beta"] = 7, ["lr"] = 0.1 }));
        Assert.False(space.Contains(new Dictionary<string, object?> { ["optimizer"] = "sgd", ["lr"] = 0.1 }));
    }

    [Fact]
    public void GridSize_CountsConditionalParametersOnlyWhereTheyExist()
    {
        Assert.Equal(ConditionalSpaces.FiniteSize, ConditionalSpaces.Finite().GridSize);
    }

    [Fact]
    public void ToJson_RoundTripsConditions()
    {
        SearchSpace space = ConditionalSpaces.Finite();

        SearchSpace read = SearchSpace.FromJson(space.ToJson());

        Assert.Equal(space.ToJson(), read.ToJson());
        Assert.Equal(new object?[] { 0.5, 0.9 }, read["nesterov"].Condition!.Values);
        Assert.Contains("\"when\"", space.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": [1, 2], \"b\": {\"type\": \"uniform\", \"low\": 0, \"high\": 1, \"when\": {\"a\": 1}}}", null)]
    [InlineData("{\"a\": [1, 2], \"b\": {\"type\": \"uniform\", \"low\": 0, \"high\": 1, \"when\": {\"a\": []}}}", "lists no value")]
    [InlineData("{\"a\": [1, 2], \"b\": {\"type\": \"uniform\", \"low\": 0, \"high\": 1, \"when\": \"a\"}}", "not an object naming one parameter")]
    [InlineData("{\"b\": {\"type\": \"uniform\", \"low\": 0, \"high\": 1, \"when\": {\"a\": 1}}}", "must be declared before it")]
    public void FromJson_When_ReadsOrNamesTheProblem(string json, string? problem)
    {
        if (problem is null)
        {
            Assert.Equal([1], SearchSpace.FromJson(json)["b"].Condition!.Values);
            return;
        }

        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.FromJson(json));
        Assert.Equal("b", error.ParameterName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
