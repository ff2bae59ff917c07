using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Nomadic.AI.Models;

/// <summary>Creates <see cref="IChatClient"/>s for OpenAI-compatible endpoints.</summary>
public static class ChatClients
{
    // OpenAI's client refuses an empty credential, while local servers (Ollama, vLLM) ignore whatever is sent.
    private const string NoKey = "no-key";

    /// <summary>Creates a chat client for an OpenAI-compatible endpoint, reading the API key from the process environment.</summary>
    /// <param name="options">The endpoint, model and key variable.</param>
    /// <returns>The client; it makes one attempt per call (wrap it with <see cref="RetryingChatClient"/> for retries).</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The key variable is named but not set.</exception>
    public static IChatClient Create(ChatEndpointOptions options) => Create(options, Environment.GetEnvironmentVariable);

    /// <summary>Creates a chat client for an OpenAI-compatible endpoint, reading the API key through <paramref name="environment"/>.</summary>
    /// <param name="options">The endpoint, model and key variable.</param>
    /// <param name="environment">Returns an environment variable's value, or <see langword="null"/> when it is not set.</param>
    /// <returns>The client; it makes one attempt per call (wrap it with <see cref="RetryingChatClient"/> for retries).</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The key variable is named but not set.</exception>
    public static IChatClient Create(ChatEndpointOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        options.Validate();
        string key = NoKey;
        if (options.ApiKeyVariable is { Length: > 0 } variable)
        {
            key = environment(variable) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"The API key variable {variable} for {options.Endpoint} is not set.");
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            NetworkTimeout = options.NetworkTimeout,
            // Retries belong to RetryingChatClient, which honours Retry-After and reports each attempt; two layers would multiply them.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        IChatClient client = new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(options.Model).AsIChatClient();
        return options.MaxTokensField == MaxTokensField.MaxTokens ? new MaxTokensFieldChatClient(client) : client;
    }
}
