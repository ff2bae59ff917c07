namespace Nomadic.AI.Tests;

/// <summary>
/// A test against a real OpenAI-compatible endpoint, run only when <c>NOMADIC_TEST_OPENAI_ENDPOINT</c> is set (with
/// <c>NOMADIC_TEST_OPENAI_MODEL</c>, and <c>NOMADIC_TEST_OPENAI_KEY</c> when the endpoint needs a key); skipped with
/// the reason otherwise.
/// </summary>
public sealed class OpenAiEndpointFactAttribute : FactAttribute
{
    public const string EndpointVariable = "NOMADIC_TEST_OPENAI_ENDPOINT";
    public const string KeyVariable = "NOMADIC_TEST_OPENAI_KEY";
    public const string ModelVariable = "NOMADIC_TEST_OPENAI_MODEL";

    public OpenAiEndpointFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EndpointVariable)) || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ModelVariable)))
        {
            Skip = $"Opt-in: set {EndpointVariable} and {ModelVariable} (and {KeyVariable} if the endpoint needs a key) to run against a real endpoint.";
        }
    }
}
