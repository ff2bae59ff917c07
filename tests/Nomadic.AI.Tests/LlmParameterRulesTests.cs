using Nomadic.Tuning;

namespace Nomadic.AI.Tests;

public class LlmParameterRulesTests
{
    [Theory]
    [InlineData("temperature", 0.7)]
    [InlineData("temperature", 0)]
    [InlineData("temperature", 1.5f)]
    [InlineData("top_p", 1)]
    [InlineData("max_tokens", 1)]
    [InlineData("max_tokens", 256.0)]
    [InlineData("few_shot_count", 0)]
    [InlineData("model", "tiny")]
    [InlineData("prompt_variant", "terse")]
    [InlineData("style", 42)]
    [InlineData("temperature", null)]
    public void Check_UsableValue_HasNoProblem(string name, object? value)
    {
        Assert.Null(new LlmParameterRules().Check(name, value));
    }

    [Theory]
    [InlineData("temperature", "0.7", "\"0.7\" is not a number of 0 or more")]
    [InlineData("temperature", -0.5, "-0.5 is not a number of 0 or more")]
    [InlineData("temperature", double.NaN, "NaN is not a number of 0 or more")]
    [InlineData("top_p", 1.5, "1.5 is not a number between 0 and 1")]
    [InlineData("max_tokens", 0, "0 is not a whole number of 1 or more")]
    [InlineData("max_tokens", "64", "\"64\" is not a whole number of 1 or more")]
    [InlineData("max_tokens", 2.5, "2.5 is not a whole number of 1 or more")]
    [InlineData("few_shot_count", -1, "-1 is not a whole number of 0 or more")]
    [InlineData("model", 7, "7 is not a model name")]
    [InlineData("model", "", "\"\" is not a model name")]
    [InlineData("temperature", true, "true is not a number of 0 or more")]
    public void Check_UnusableValue_NamesParameterAndWhatItTakes(string name, object value, string message)
    {
        Assert.Equal(new ParameterProblem(name, message), new LlmParameterRules().Check(name, value));
    }

    [Fact]
    public void Check_PromptsKnown_VariantAndExampleCountAreLimitedToThem()
    {
        var rules = new LlmParameterRules(["terse", "chatty"], 2);

        Assert.Null(rules.Check("prompt_variant", "chatty"));
        Assert.Equal("\"cite\" is not one of the prompt variants terse, chatty", rules.Check("prompt_variant", "cite")?.Message);
        Assert.Null(rules.Check("few_shot_count", 2));
        Assert.Equal("3 is more than the 2 examples of the few-shot pool each item can get", rules.Check("few_shot_count", 3)?.Message);
        Assert.Equal("3 is more than the 2 examples of the few-shot pool each item can get", rules.Check("few_shot_count", Tune.RandInt(0, 4))?.Message);
    }

    [Theory]
    [InlineData("temperature", 0.0, 2.0, null)]
    [InlineData("temperature", -1.0, 1.0, "-1 is not a number of 0 or more")]
    [InlineData("top_p", 0.5, 1.5, "1.5 is not a number between 0 and 1")]
    [InlineData("max_tokens", 16.0, 64.0, "a uniform range gives values that are not a whole number of 1 or more; declare it with randint or a list")]
    public void Check_FloatDomain_ChecksItsBounds(string name, double low, double high, string? message)
    {
        Assert.Equal(message, new LlmParameterRules().Check(name, Tune.Uniform(low, high))?.Message);
    }

    [Fact]
    public void Check_IntAndChoiceDomains_CheckEveryValueTheyGive()
    {
        var rules = new LlmParameterRules();

        Assert.Null(rules.Check("max_tokens", Tune.RandInt(1, 512)));
        Assert.Equal("0 is not a whole number of 1 or more", rules.Check("max_tokens", Tune.RandInt(0, 512))?.Message);
        Assert.Equal("\"0.7\" is not a number of 0 or more", rules.Check("temperature", Tune.Choice(0.2, "0.7"))?.Message);
        Assert.Equal("a randint range gives values that are not a model name; declare it with a list", rules.Check("model", Tune.RandInt(1, 3))?.Message);
        Assert.Null(rules.Check("style", Tune.RandInt(-5, 5)));
    }

    [Fact]
    public void Check_Parameters_GivesTheFirstProblem()
    {
        var parameters = new Dictionary<string, object?> { ["temperature"] = 0.2, ["max_tokens"] = 0, ["top_p"] = 2.0 };

        Assert.Equal(new ParameterProblem("max_tokens", "0 is not a whole number of 1 or more"), new LlmParameterRules().Check(parameters));
    }

    [Fact]
    public void Names_AreTheParametersTheObjectiveReads()
    {
        Assert.Equal(["model", "temperature", "max_tokens", "top_p", "prompt_variant", "few_shot_count"], LlmParameterRules.Names);
    }
}
