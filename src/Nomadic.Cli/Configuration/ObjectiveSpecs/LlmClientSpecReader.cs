using Nomadic.AI.Models;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Reads the keys of an objective section that say which chat model to ask and how (<see cref="LlmClientSpec"/>),
/// each checked for its type: the llm objective's own and the rag objective's <c>generation</c>.
/// </summary>
internal static class LlmClientSpecReader
{
    /// <summary>The keys read.</summary>
    public static readonly string[] Keys = ["endpoint", "model", "api_key_env", "timeout_seconds", "retries", "max_tokens_field", "prices"];

    public static LlmClientSpec Read(ConfigSection section)
    {
        LocatedText endpoint = Endpoint(section, "endpoint") ?? throw section.Missing("endpoint", "the base URL of an OpenAI-compatible API such as http://localhost:11434/v1");
        string model = section.Text("model")?.Value ?? throw section.Missing("model", "the model (or deployment) to ask");
        return new LlmClientSpec(endpoint, model)
        {
            ApiKeyVariable = section.Text("api_key_env"),
            Timeout = section.PositiveNumber("timeout_seconds") is double seconds ? TimeSpan.FromSeconds(seconds) : null,
            MaxTokensField = MaxTokensFieldOf(section),
            Retries = Retries(section),
            Prices = Prices(section),
        };
    }

    /// <summary>Reads an optional endpoint URL: absolute, http or https.</summary>
    public static LocatedText? Endpoint(ConfigSection section, string key)
    {
        LocatedText? url = section.Text(key);
        return url is null || (Uri.TryCreate(url.Value, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https")
            ? url
            : throw section.Error(url.Position, $"\"{url.Key}\" must be an http or https URL such as http://localhost:11434/v1, got \"{url.Value}\"");
    }

    /// <summary>Reads the optional name of the request field for the output limit.</summary>
    private static MaxTokensField MaxTokensFieldOf(ConfigSection section) => section.Text("max_tokens_field") is not LocatedText field
        ? MaxTokensField.MaxCompletionTokens
        : ChatEndpointOptions.ParseMaxTokensField(field.Value)
            ?? throw section.Error(field.Position, $"\"{field.Key}\" must be \"max_completion_tokens\" or \"max_tokens\" (Ollama), got \"{field.Value}\"");

    private static TokenPrices? Prices(ConfigSection section)
    {
        if (section.Section("prices") is not ConfigSection prices)
        {
            return null;
        }

        prices.RejectUnknownKeys("input", "output");
        const string What = "the price of a million tokens";
        return new TokenPrices(
            prices.PositiveNumber("input", allowZero: true) ?? throw prices.Missing("input", $"{What} sent"),
            prices.PositiveNumber("output", allowZero: true) ?? throw prices.Missing("output", $"{What} received"));
    }

    private static ChatRetryOptions? Retries(ConfigSection section)
    {
        if (section.Section("retries") is not ConfigSection retries)
        {
            return null;
        }

        retries.RejectUnknownKeys("max_retries", "base_delay_seconds", "max_delay_seconds");
        var defaults = new ChatRetryOptions();
        TimeSpan baseDelay = Seconds(retries.PositiveNumber("base_delay_seconds", allowZero: true)) ?? defaults.BaseDelay;
        TimeSpan maxDelay = Seconds(retries.PositiveNumber("max_delay_seconds", allowZero: true)) ?? (defaults.MaxDelay > baseDelay ? defaults.MaxDelay : baseDelay);
        if (maxDelay < baseDelay)
        {
            throw retries.Error(retries.Node("max_delay_seconds")!.Position, $"\"{retries.Name("max_delay_seconds")}\" must not be less than \"{retries.Name("base_delay_seconds")}\"");
        }

        return new ChatRetryOptions
        {
            MaxRetryAttempts = retries.Integer("max_retries", 0) ?? defaults.MaxRetryAttempts,
            BaseDelay = baseDelay,
            MaxDelay = maxDelay,
        };
    }

    private static TimeSpan? Seconds(double? seconds) => seconds is double s ? TimeSpan.FromSeconds(s) : null;
}
