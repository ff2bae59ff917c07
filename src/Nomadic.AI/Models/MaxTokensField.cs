namespace Nomadic.AI.Models;

/// <summary>The request field that carries the most output tokens of an answer (<c>ChatOptions.MaxOutputTokens</c>).</summary>
public enum MaxTokensField
{
    /// <summary><c>max_completion_tokens</c>, OpenAI's current name, read by OpenAI, Azure OpenAI and vLLM.</summary>
    MaxCompletionTokens,

    /// <summary><c>max_tokens</c>, the older name, which some OpenAI-compatible servers (Ollama among them) read instead.</summary>
    MaxTokens,
}
