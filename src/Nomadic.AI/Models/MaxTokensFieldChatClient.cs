using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Nomadic.AI.Models;

/// <summary>
/// Sends a call's output limit as <c>max_tokens</c> rather than <c>max_completion_tokens</c>, for OpenAI-compatible
/// servers that read only the older field. Wraps a client made by <see cref="ChatClients"/>.
/// </summary>
internal sealed class MaxTokensFieldChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Rewrite(options), cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Rewrite(options), cancellationToken);

    private static ChatOptions? Rewrite(ChatOptions? options)
    {
        if (options?.MaxOutputTokens is not int limit)
        {
            return options;
        }

        ChatOptions rewritten = options.Clone();
        rewritten.MaxOutputTokens = null;
        Func<IChatClient, object?>? outer = options.RawRepresentationFactory;
        rewritten.RawRepresentationFactory = client =>
        {
            ChatCompletionOptions raw = outer?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            // JsonPatch is marked for evaluation in the OpenAI SDK; it is the SDK's way to send a field its typed
            // options lack, and the tests check the request on the wire, so an SDK update that changes it shows up.
#pragma warning disable SCME0001
            raw.Patch.Set("$.max_tokens"u8, limit);
#pragma warning restore SCME0001
            return raw;
        };
        return rewritten;
    }
}
