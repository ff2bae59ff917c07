using Nomadic.AI.Rag;
using Nomadic.Tuning;

namespace Nomadic.AI.Tests.Rag;

public class RagParameterRulesTests
{
    [Theory]
    [InlineData("retriever", "hybrid")]
    [InlineData("top_k", 5)]
    [InlineData("top_k", 5.0)]
    [InlineData("chunk_overlap", 0)]
    [InlineData("hybrid_alpha", 1)]
    [InlineData("bm25_k1", 2.5)]
    [InlineData("temperature", "hot")]
    [InlineData("top_k", null)]
    public void Check_UsableValue_HasNoProblem(string name, object? value)
    {
        Assert.Null(RagParameterRules.Check(name, value));
    }

    [Theory]
    [InlineData("retriever", "dense", "\"dense\" is not one of bm25, embedding, hybrid")]
    [InlineData("rerank", 1, "1 is not one of none, semantic, mmr")]
    [InlineData("top_k", 0, "0 is not a whole number of 1 or more")]
    [InlineData("top_k", "5", "\"5\" is not a whole number of 1 or more")]
    [InlineData("chunk_size", 2.5, "2.5 is not a whole number of 1 or more")]
    [InlineData("hybrid_alpha", 1.5, "1.5 is not a number between 0 and 1")]
    [InlineData("mmr_lambda", -0.1, "-0.1 is not a number between 0 and 1")]
    [InlineData("bm25_k1", -1, "-1 is not a number of 0 or more")]
    public void Check_UnusableValue_NamesParameterAndWhatItTakes(string name, object value, string message)
    {
        Assert.Equal(new ParameterProblem(name, message), RagParameterRules.Check(name, value));
    }

    [Fact]
    public void Check_Domain_ChecksEveryValueItGives()
    {
        Assert.Null(RagParameterRules.Check("top_k", Tune.RandInt(1, 10)));
        Assert.Equal("0 is not a whole number of 1 or more", RagParameterRules.Check("top_k", Tune.Choice(0, 5))?.Message);
        Assert.Equal("0 is not a whole number of 1 or more", RagParameterRules.Check("top_k", Tune.RandInt(0, 10))?.Message);
        Assert.Equal("1.5 is not a number between 0 and 1", RagParameterRules.Check("hybrid_alpha", Tune.Uniform(0.5, 1.5))?.Message);
        Assert.Equal("a uniform range gives values that are not a whole number of 1 or more; declare it with randint or a list", RagParameterRules.Check("top_k", Tune.Uniform(1, 10))?.Message);
        Assert.Equal("a randint range gives values that are not one of bm25, embedding, hybrid; declare it with a list", RagParameterRules.Check("retriever", Tune.RandInt(1, 3))?.Message);
    }

    [Fact]
    public void Check_EveryRetrievalParameter_HasARule()
    {
        Assert.All(RagParameters.All, name => Assert.NotNull(RagParameterRules.Check(name, new object())));
    }

    [Theory]
    [InlineData("top_k", "5")]
    [InlineData("top_k", 0)]
    [InlineData("retriever", "dense")]
    [InlineData("hybrid_alpha", 2.0)]
    [InlineData("top_k", 3)]
    [InlineData("chunking", "sentence")]
    public void Check_AgreesWithTheRun(string name, object value)
    {
        bool runAccepts = true;
        try
        {
            RagParameters.Read(new Dictionary<string, object?> { [name] = value });
        }
        catch (ArgumentException)
        {
            runAccepts = false;
        }

        Assert.Equal(runAccepts, RagParameterRules.Check(name, value) is null);
    }
}
