using Microsoft.Extensions.AI;
using Nomadic.AI.Models;

namespace Nomadic.AI.Tests.Models;

public class ChatClientsTests
{
    [Fact]
    public void Create_LocalEndpointWithoutKey_GivesClientForTheModel()
    {
        using IChatClient client = ChatClients.Create(new ChatEndpointOptions(new Uri("http://localhost:11434/v1"), "llama3.2"), _ => null);

        var metadata = client.GetService<ChatClientMetadata>();
        Assert.NotNull(metadata);
        Assert.Equal("llama3.2", metadata.DefaultModelId);
        Assert.Equal(new Uri("http://localhost:11434/v1"), metadata.ProviderUri);
    }

    [Fact]
    public void Create_KeyVariableNotSet_ThrowsNamingIt()
    {
        var options = new ChatEndpointOptions(new Uri("https://api.openai.com/v1"), "gpt-4o-mini") { ApiKeyVariable = "MY_KEY" };

        var error = Assert.Throws<InvalidOperationException>(() => ChatClients.Create(options, _ => null));

        Assert.Contains("MY_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_KeyVariableSet_ReadsIt()
    {
        var options = new ChatEndpointOptions(new Uri("https://api.openai.com/v1"), "gpt-4o-mini") { ApiKeyVariable = "MY_KEY" };
        var asked = new List<string>();

        using IChatClient client = ChatClients.Create(options, name => { asked.Add(name); return "sk-test"; });

        Assert.Equal(["MY_KEY"], asked);
    }

    [Fact]
    public void FromValues_ReadsEndpointModelKeyAndTimeout()
    {
        var options = ChatEndpointOptions.FromValues(new Dictionary<string, object?>
        {
            ["endpoint"] = "http://localhost:8000/v1",
            ["model"] = "qwen",
            ["api_key_env"] = "VLLM_KEY",
            ["timeout_seconds"] = 30,
        });

        Assert.Equal(new Uri("http://localhost:8000/v1"), options.Endpoint);
        Assert.Equal("qwen", options.Model);
        Assert.Equal("VLLM_KEY", options.ApiKeyVariable);
        Assert.Equal(TimeSpan.FromSeconds(30), options.NetworkTimeout);
    }

    [Fact]
    public void FromValues_MissingModelOrBadUrl_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChatEndpointOptions.FromValues(new Dictionary<string, object?> { ["endpoint"] = "http://localhost/v1" }));
        Assert.Throws<ArgumentException>(() => ChatEndpointOptions.FromValues(new Dictionary<string, object?> { ["endpoint"] = "not a url", ["model"] = "m" }));
    }

    [Fact]
    public void FromValues_MaxTokensField_ReadsItAndRejectsOtherNames()
    {
        var values = new Dictionary<string, object?> { ["endpoint"] = "http://localhost:11434/v1", ["model"] = "llama3.2", ["max_tokens_field"] = "max_tokens" };

        Assert.Equal(MaxTokensField.MaxTokens, ChatEndpointOptions.FromValues(values).MaxTokensField);
        values["max_tokens_field"] = "max_length";
        var error = Assert.Throws<ArgumentException>(() => ChatEndpointOptions.FromValues(values));
        Assert.StartsWith("\"max_tokens_field\" must be \"max_completion_tokens\" or \"max_tokens\", got \"max_length\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MaxTokensField_KeepsTheClientsMetadata()
    {
        var options = new ChatEndpointOptions(new Uri("http://localhost:11434/v1"), "llama3.2") { MaxTokensField = MaxTokensField.MaxTokens };

        using IChatClient client = ChatClients.Create(options, _ => null);

        Assert.Equal("llama3.2", client.GetService<ChatClientMetadata>()?.DefaultModelId);
    }
}
