using Microsoft.Extensions.AI;

namespace Nomadic.AI.Tests;

public class RunParametersTests
{
    [Fact]
    public void ChatOptions_UsableValues_AreTheCallsOptions()
    {
        ChatOptions options = RunParameters.ChatOptions(new Dictionary<string, object?>
        {
            ["model"] = "tiny", ["temperature"] = 0.5f, ["top_p"] = 1, ["max_tokens"] = 64.0, ["style"] = "0.7",
        });

        Assert.Equal("tiny", options.ModelId);
        Assert.Equal(0.5f, options.Temperature);
        Assert.Equal(1f, options.TopP);
        Assert.Equal(64, options.MaxOutputTokens);
    }

    [Fact]
    public void ChatOptions_NoValues_LeaveEveryOptionUnset()
    {
        ChatOptions options = RunParameters.ChatOptions(new Dictionary<string, object?> { ["temperature"] = null });

        Assert.Null(options.ModelId);
        Assert.Null(options.Temperature);
        Assert.Null(options.MaxOutputTokens);
    }

    [Theory]
    [InlineData("max_tokens", 0, "The parameter \"max_tokens\": 0 is not a whole number of 1 or more.")]
    [InlineData("max_tokens", "64", "The parameter \"max_tokens\": \"64\" is not a whole number of 1 or more.")]
    [InlineData("temperature", "0.7", "The parameter \"temperature\": \"0.7\" is not a number of 0 or more.")]
    [InlineData("top_p", 1.5, "The parameter \"top_p\": 1.5 is not a number between 0 and 1.")]
    [InlineData("model", 4, "The parameter \"model\": 4 is not a model name.")]
    public void ChatOptions_UnusableValue_ThrowsNamingIt(string name, object value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => RunParameters.ChatOptions(new Dictionary<string, object?> { [name] = value }));

        Assert.Equal(message, error.Message);
    }
}
