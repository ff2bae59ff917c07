using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Nomadic.AI.Models;
using OpenAI.Chat;

namespace Nomadic.AI.Tests.Models;

public class MaxTokensFieldChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_WithALimit_SendsItAsMaxTokensOnly()
    {
        var inner = new ScriptedChatClient("ok");
        using var client = new MaxTokensFieldChatClient(inner);
        var options = new ChatOptions { MaxOutputTokens = 32, Temperature = 0.5f };

        await client.GetResponseAsync("hello", options);

        ChatOptions sent = Assert.Single(inner.Requests).Options!;
        Assert.Null(sent.MaxOutputTokens);
        Assert.Equal(0.5f, sent.Temperature);
        Assert.Equal(32, options.MaxOutputTokens); // the caller's options are left as they were
        var raw = Assert.IsType<ChatCompletionOptions>(sent.RawRepresentationFactory!(inner));
        string json = ModelReaderWriter.Write(raw).ToString();
        Assert.Contains("\"max_tokens\":32", json, StringComparison.Ordinal);
        Assert.DoesNotContain("max_completion_tokens", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_WithoutALimit_PassesTheOptionsThrough()
    {
        var inner = new ScriptedChatClient("ok");
        using var client = new MaxTokensFieldChatClient(inner);
        var options = new ChatOptions { Temperature = 0.1f };

        await client.GetResponseAsync("hello", options);

        Assert.Same(options, Assert.Single(inner.Requests).Options);
    }
}
