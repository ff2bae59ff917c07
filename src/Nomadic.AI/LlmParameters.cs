namespace Nomadic.AI;

/// <summary>The parameter names an <see cref="LlmObjective"/> reads from a run's configuration; every one is optional.</summary>
public static class LlmParameters
{
    /// <summary>The model (or deployment) asked for; the client's default when absent.</summary>
    public const string Model = "model";

    /// <summary>The sampling temperature.</summary>
    public const string Temperature = "temperature";

    /// <summary>The most output tokens per call.</summary>
    public const string MaxTokens = "max_tokens";

    /// <summary>The nucleus-sampling probability mass.</summary>
    public const string TopP = "top_p";

    /// <summary>The name of the prompt variant; needed when there are several.</summary>
    public const string PromptVariant = "prompt_variant";

    /// <summary>The number of few-shot examples in <c>{examples}</c>; 0 when absent.</summary>
    public const string FewShotCount = "few_shot_count";
}
