using Microsoft.Extensions.AI;
using Nomadic.AI.Models;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Objectives;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Creates the chat clients of the objectives that ask a model (the llm objective, the rag objective's generation):
/// an OpenAI-compatible client with retries for rate limits and transient failures, whose last failure names the
/// model and the endpoint.
/// </summary>
internal static class LlmClientFactory
{
    /// <summary>Creates a client, reading the API key from the environment now.</summary>
    /// <param name="file">The experiment file, for messages.</param>
    /// <param name="spec">The endpoint, model, key variable, timeout, output-limit field and retries.</param>
    /// <returns>The client.</returns>
    /// <exception cref="InputException">The key variable is not set.</exception>
    public static IChatClient Create(ExperimentFile file, LlmClientSpec spec)
    {
        LocatedText? keyVariable = spec.ApiKeyVariable;
        string model = spec.Model;
        var options = new ChatEndpointOptions(new Uri(spec.Endpoint.Value), model) { ApiKeyVariable = keyVariable?.Value, MaxTokensField = spec.MaxTokensField };
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
