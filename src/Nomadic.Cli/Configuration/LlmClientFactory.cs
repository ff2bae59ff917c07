using Microsoft.Extensions.AI;
using Nomadic.AI.Models;
using Nomadic.Cli.Objectives;

namespace Nomadic.Cli.Configuration;

/// <summary>
/// Creates the chat clients of an LLM objective: an OpenAI-compatible client with retries for rate limits and
/// transient failures, whose last failure names the model and the endpoint.
/// </summary>
internal static class LlmClientFactory
{
    /// <summary>Creates a client, reading the API key from the environment now.</summary>
    /// <param name="file">The experiment file, for messages.</param>
    /// <param name="endpoint">The endpoint as written.</param>
    /// <param name="model">The model asked for by default.</param>
    /// <param name="keyVariable">The variable holding the API key, if any.</param>
    /// <param name="spec">The objective, for its timeout and retries.</param>
    /// <returns>The client.</returns>
    /// <exception cref="InputException">The key variable is not set.</exception>
    public static IChatClient Create(ExperimentFile file, LocatedText endpoint, string model, LocatedText? keyVariable, LlmObjectiveSpec spec)
    {
        var options = new ChatEndpointOptions(new Uri(endpoint.Value), model) { ApiKeyVariable = keyVariable?.Value, MaxTokensField = spec.MaxTokensField };
        if (spec.Timeout is TimeSpan timeout)
        {
            options = options with { NetworkTimeout = timeout };
        }

        IChatClient client;
        try
        {
            client = ChatClients.Create(options);
        }
        catch (InvalidOperationException e)
        {
            throw new InputException(keyVariable!.Position.Describe(file.Path, $"\"{keyVariable.Key}\": {e.Message.TrimEnd('.')}"));
        }

        return client.AsBuilder()
            .Use(inner => new EndpointNamingChatClient(inner, options.Endpoint, model))
            .UseRetries(spec.Retries)
            .Build();
    }
}
