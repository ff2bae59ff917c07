using Nomadic.AI.Models;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// The chat model an objective asks and how its calls are made and priced: the keys <c>endpoint</c>, <c>model</c>,
/// <c>api_key_env</c>, <c>timeout_seconds</c>, <c>max_tokens_field</c>, <c>retries</c> and <c>prices</c>.
/// </summary>
/// <param name="Endpoint">The OpenAI-compatible API's base address, as written.</param>
/// <param name="Model">The model (or deployment) asked for unless a run's <c>model</c> parameter names another.</param>
internal sealed record LlmClientSpec(LocatedText Endpoint, string Model)
{
    /// <summary>Gets the environment variable holding the API key; no key is sent when null.</summary>
    public LocatedText? ApiKeyVariable { get; init; }

    /// <summary>Gets the longest one request may take; the client's default when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the request field that carries the <c>max_tokens</c> parameter's value.</summary>
    public MaxTokensField MaxTokensField { get; init; }

    /// <summary>Gets how failed calls are retried; <see cref="ChatRetryOptions"/>' defaults when null.</summary>
    public ChatRetryOptions? Retries { get; init; }

    /// <summary>Gets the prices per million tokens that give each run a <c>cost</c>; none when null.</summary>
    public TokenPrices? Prices { get; init; }
}
