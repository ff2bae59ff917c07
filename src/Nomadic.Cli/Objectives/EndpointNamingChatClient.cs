using Microsoft.Extensions.AI;

namespace Nomadic.Cli.Objectives;

/// <summary>
/// A chat client whose failures name the model and the endpoint (<c>model llama3.2 at http://localhost:11434/v1:
/// Connection refused</c>), so a failed run says which server failed. Put outside the retries: only the last failure
/// reaches it.
/// </summary>
internal sealed class EndpointNamingChatClient(IChatClient innerClient, Uri endpoint, string model) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A request that ran out of time surfaces as a cancellation nobody asked for.
            string problem = e is OperationCanceledException ? "no answer in time" : e.Message;
            throw new HttpRequestException($"model {options?.ModelId ?? model} at {endpoint}: {problem}", e);
        }
    }
}
