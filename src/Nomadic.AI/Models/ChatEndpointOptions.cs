using System.Globalization;

namespace Nomadic.AI.Models;

/// <summary>
/// Where a chat model is served: any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's <c>/openai/v1/</c> API, Ollama,
/// vLLM, LM Studio), the model to ask for and the environment variable holding the API key.
/// </summary>
/// <param name="Endpoint">The API's base address, e.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c> (Ollama) or <c>https://NAME.openai.azure.com/openai/v1/</c>.</param>
/// <param name="Model">The model (or Azure deployment) name sent with every request unless a call names another.</param>
/// <example>
/// <code>
/// IChatClient client = ChatClients.Create(new ChatEndpointOptions(new Uri("http://localhost:11434/v1"), "llama3.2"));
/// </code>
/// </example>
public sealed record ChatEndpointOptions(Uri Endpoint, string Model)
{
    /// <summary>Gets the name of the environment variable that holds the API key.</summary>
    /// <value>The default value is <see langword="null"/>: no key is sent (local servers such as Ollama or vLLM need none).</value>
    public string? ApiKeyVariable { get; init; }

    /// <summary>Gets the longest one HTTP request may take before it fails with a timeout (retried by <see cref="RetryingChatClient"/>).</summary>
    /// <value>The default value is 100 seconds.</value>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Gets the request field that carries a call's output limit (<c>ChatOptions.MaxOutputTokens</c>).</summary>
    /// <value>
    /// The default value is <see cref="MaxTokensField.MaxCompletionTokens"/>; use <see cref="MaxTokensField.MaxTokens"/>
    /// for a server that reads only <c>max_tokens</c>, such as Ollama, or the limit is ignored there.
    /// </value>
    public MaxTokensField MaxTokensField { get; init; } = MaxTokensField.MaxCompletionTokens;

    /// <summary>Reads the options from configuration values such as an experiment file's fixed parameters.</summary>
    /// <param name="values">
    /// The values: <c>endpoint</c> and <c>model</c> (required), <c>api_key_env</c>, <c>timeout_seconds</c> and
    /// <c>max_tokens_field</c> (<c>max_completion_tokens</c> or <c>max_tokens</c>) (optional).
    /// </param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">A required value is missing or a value has the wrong form.</exception>
    public static ChatEndpointOptions FromValues(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string endpoint = Text(values, "endpoint") ?? throw new ArgumentException("The chat endpoint needs \"endpoint\" (e.g. \"https://api.openai.com/v1\").", nameof(values));
        string model = Text(values, "model") ?? throw new ArgumentException("The chat endpoint needs \"model\".", nameof(values));
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri))
        {
            throw new ArgumentException($"The chat endpoint \"{endpoint}\" is not an absolute URL.", nameof(values));
        }

        var options = new ChatEndpointOptions(uri, model) { ApiKeyVariable = Text(values, "api_key_env") };
        if (Text(values, "timeout_seconds") is { } timeout)
        {
            if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0))
            {
                throw new ArgumentException($"\"timeout_seconds\" must be a positive number, got \"{timeout}\".", nameof(values));
            }

            options = options with { NetworkTimeout = TimeSpan.FromSeconds(seconds) };
        }

        if (Text(values, "max_tokens_field") is { } field)
        {
            options = options with
            {
                MaxTokensField = ParseMaxTokensField(field)
                    ?? throw new ArgumentException($"\"max_tokens_field\" must be \"max_completion_tokens\" or \"max_tokens\", got \"{field}\".", nameof(values)),
            };
        }

        return options;
    }

    /// <summary>Reads a field's name as written in requests: <c>max_completion_tokens</c> or <c>max_tokens</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The field, or <see langword="null"/> for any other name.</returns>
    public static MaxTokensField? ParseMaxTokensField(string? name) => name switch
    {
        "max_completion_tokens" => MaxTokensField.MaxCompletionTokens,
        "max_tokens" => MaxTokensField.MaxTokens,
        _ => null,
    };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Endpoint, nameof(Endpoint));
        if (!Endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"The chat endpoint \"{Endpoint}\" is not an absolute URL.", nameof(Endpoint));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Model, nameof(Model));
        if (NetworkTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"NetworkTimeout must be positive, got {NetworkTimeout}.", nameof(NetworkTimeout));
        }
    }

    private static string? Text(IReadOnlyDictionary<string, object?> values, string key) =>
        values.TryGetValue(key, out object? value) && value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;
}
