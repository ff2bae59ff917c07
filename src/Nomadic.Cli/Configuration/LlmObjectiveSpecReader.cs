using Nomadic.AI.Models;

namespace Nomadic.Cli.Configuration;

/// <summary>
/// Reads an <c>{"llm": {...}}</c> objective: the endpoint and model, the dataset, the prompts, the evaluator and the
/// optional settings, each checked for its type. What needs the dataset or the search space is checked by
/// <see cref="LlmObjectiveFactory"/>.
/// </summary>
internal static class LlmObjectiveSpecReader
{
    private static readonly string[] Keys =
    [
        "endpoint", "model", "api_key_env", "timeout_seconds", "retries", "dataset", "prompt", "prompts", "system",
        "few_shot", "evaluator", "max_concurrent_items", "prices", "max_tokens_field",
    ];

    public static LlmObjectiveSpec Read(ConfigSection objective)
    {
        ConfigSection llm = objective.Section("llm")
            ?? throw objective.WrongType("llm", objective.Node("llm")!, "an object with \"endpoint\", \"model\", \"dataset\" and \"prompt\"");
        llm.RejectUnknownKeys(Keys);
        LocatedText endpoint = Endpoint(llm, "endpoint") ?? throw Missing(llm, "endpoint", "the base URL of an OpenAI-compatible API such as http://localhost:11434/v1");
        string model = Text(llm, "model")?.Value ?? throw Missing(llm, "model", "the model (or deployment) to ask");
        LocatedText dataset = Text(llm, "dataset") ?? throw Missing(llm, "dataset", "a JSON, JSON Lines or CSV file of items to answer");
        return new LlmObjectiveSpec(objective.Node("llm")!.Position)
        {
            Endpoint = endpoint,
            Model = model,
            ApiKeyVariable = Text(llm, "api_key_env"),
            Timeout = llm.PositiveNumber("timeout_seconds") is double seconds ? TimeSpan.FromSeconds(seconds) : null,
            MaxTokensField = MaxTokensFieldOf(llm),
            Retries = Retries(llm),
            Dataset = dataset,
            Prompts = Prompts(llm),
            HasVariants = llm.Has("prompts"),
            System = Text(llm, "system"),
            FewShot = FewShot(llm),
            Evaluator = LlmEvaluatorSpecReader.Read(llm),
            MaxConcurrentItems = llm.Integer("max_concurrent_items", 1),
            Prices = Prices(llm),
        };
    }

    /// <summary>Reads the optional name of the request field for the output limit.</summary>
    private static MaxTokensField MaxTokensFieldOf(ConfigSection llm) => Text(llm, "max_tokens_field") is not LocatedText field
        ? MaxTokensField.MaxCompletionTokens
        : ChatEndpointOptions.ParseMaxTokensField(field.Value)
            ?? throw llm.Error(field.Position, $"\"{field.Key}\" must be \"max_completion_tokens\" or \"max_tokens\" (Ollama), got \"{field.Value}\"");

    /// <summary>Reads an optional endpoint URL: absolute, http or https.</summary>
    public static LocatedText? Endpoint(ConfigSection section, string key)
    {
        LocatedText? url = Text(section, key);
        return url is null || (Uri.TryCreate(url.Value, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https")
            ? url
            : throw section.Error(url.Position, $"\"{url.Key}\" must be an http or https URL such as http://localhost:11434/v1, got \"{url.Value}\"");
    }

    /// <summary>Reads an optional string that must not be blank.</summary>
    public static LocatedText? Text(ConfigSection section, string key) => section.String(key) switch
    {
        null => null,
        string value when !string.IsNullOrWhiteSpace(value) => new LocatedText(value, section.Name(key), section.Node(key)!.Position),
        _ => throw section.Error(section.Node(key)!.Position, $"\"{section.Name(key)}\" is empty"),
    };

    private static List<PromptSpec> Prompts(ConfigSection llm)
    {
        if (llm.Has("prompt") && llm.Has("prompts"))
        {
            throw llm.Error(llm.Map.Find("prompts")!.KeyPosition, "\"objective.llm\" takes \"prompt\" (one template) or \"prompts\" (named variants), not both");
        }

        if (Text(llm, "prompt") is LocatedText prompt)
        {
            return [new PromptSpec("default", prompt)];
        }

        ConfigSection variants = llm.Section("prompts")
            ?? throw Missing(llm, "prompt", "the prompt template (or \"prompts\", named variants), e.g. \"Answer briefly.\\n{context}\\nQuestion: {query}\"");
        if (variants.Map.Entries.Count == 0)
        {
            throw variants.Error(variants.Map.Position, "\"objective.llm.prompts\" names no variant");
        }

        return variants.Map.Entries.Select(e => new PromptSpec(e.Key, Text(variants, e.Key)!)).ToList();
    }

    private static FewShotSpec? FewShot(ConfigSection llm)
    {
        if (llm.Section("few_shot") is not ConfigSection fewShot)
        {
            return null;
        }

        fewShot.RejectUnknownKeys("file", "template");
        LocatedText file = Text(fewShot, "file") ?? throw Missing(fewShot, "file", "a JSON, JSON Lines or CSV file of examples with queries and reference answers");
        return new FewShotSpec(file, Text(fewShot, "template"));
    }

    private static TokenPrices? Prices(ConfigSection llm)
    {
        if (llm.Section("prices") is not ConfigSection prices)
        {
            return null;
        }

        prices.RejectUnknownKeys("input", "output");
        const string What = "the price of a million tokens";
        return new TokenPrices(
            prices.PositiveNumber("input", allowZero: true) ?? throw Missing(prices, "input", $"{What} sent"),
            prices.PositiveNumber("output", allowZero: true) ?? throw Missing(prices, "output", $"{What} received"));
    }

    private static ChatRetryOptions? Retries(ConfigSection llm)
    {
        if (llm.Section("retries") is not ConfigSection retries)
        {
            return null;
        }

        retries.RejectUnknownKeys("max_retries", "base_delay_seconds", "max_delay_seconds");
        var defaults = new ChatRetryOptions();
        TimeSpan baseDelay = Seconds(retries.PositiveNumber("base_delay_seconds", allowZero: true)) ?? defaults.BaseDelay;
        TimeSpan maxDelay = Seconds(retries.PositiveNumber("max_delay_seconds", allowZero: true)) ?? (defaults.MaxDelay > baseDelay ? defaults.MaxDelay : baseDelay);
        if (maxDelay < baseDelay)
        {
            throw retries.Error(retries.Node("max_delay_seconds")!.Position, "\"objective.llm.retries.max_delay_seconds\" must not be less than \"objective.llm.retries.base_delay_seconds\"");
        }

        return new ChatRetryOptions
        {
            MaxRetryAttempts = retries.Integer("max_retries", 0) ?? defaults.MaxRetryAttempts,
            BaseDelay = baseDelay,
            MaxDelay = maxDelay,
        };
    }

    private static TimeSpan? Seconds(double? seconds) => seconds is double s ? TimeSpan.FromSeconds(s) : null;

    private static InputException Missing(ConfigSection section, string key, string what) =>
        section.Error(section.Map.Position, $"\"{section.Path}\" needs \"{key}\", {what}");
}
