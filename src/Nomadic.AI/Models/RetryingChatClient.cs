using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace Nomadic.AI.Models;

/// <summary>
/// A chat client that retries rate-limited (429) and transiently failing calls (5xx, network errors, timeouts) with
/// exponential backoff and jitter, honouring the server's <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// A streaming call is retried only while it has produced nothing: once the first update is out, a failure reaches the
/// caller. Thread-safe when the inner client is.
/// </remarks>
public sealed class RetryingChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Initializes a new instance of the <see cref="RetryingChatClient"/> class.</summary>
    /// <param name="innerClient">The client whose calls are retried.</param>
    /// <param name="options">How to retry; the defaults of <see cref="ChatRetryOptions"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RetryingChatClient(IChatClient innerClient, ChatRetryOptions? options = null)
        : base(innerClient)
    {
        options ??= new ChatRetryOptions();
        options.Validate();
        _pipeline = Build(options);
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The messages are enumerated once so that every attempt sends the same conversation.
        List<ChatMessage> conversation = [.. messages];
        return _pipeline.ExecuteAsync(
            static async (state, ct) => await state.Client.InnerGetResponseAsync(state.Conversation, state.Options, ct).ConfigureAwait(false),
            (Client: this, Conversation: conversation, Options: options),
            cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<ChatMessage> conversation = [.. messages];
        (IAsyncEnumerator<ChatResponseUpdate> enumerator, bool hasFirst) = await _pipeline.ExecuteAsync(
            static async (state, ct) =>
            {
                IAsyncEnumerator<ChatResponseUpdate> e = state.Client.InnerStream(state.Conversation, state.Options, ct).GetAsyncEnumerator(ct);
                try
                {
                    return (e, await e.MoveNextAsync().ConfigureAwait(false));
                }
                catch
                {
                    await e.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            },
            (Client: this, Conversation: conversation, Options: options),
            cancellationToken).ConfigureAwait(false);

        await using (enumerator.ConfigureAwait(false))
        {
            if (!hasFirst)
            {
                yield break;
            }

            yield return enumerator.Current;
            while (await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                yield return enumerator.Current;
            }
        }
    }

    private Task<ChatResponse> InnerGetResponseAsync(List<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken) =>
        base.GetResponseAsync(messages, options, cancellationToken);

    private IAsyncEnumerable<ChatResponseUpdate> InnerStream(List<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken) =>
        base.GetStreamingResponseAsync(messages, options, cancellationToken);

    private static ResiliencePipeline Build(ChatRetryOptions options)
    {
        TimeProvider clock = options.TimeProvider;
        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(
                options.MaxRetryAttempts > 0 && args.Outcome.Exception is { } e && TransientErrors.IsTransient(e, args.Context.CancellationToken)),
            DelayGenerator = args =>
            {
                TimeSpan? asked = TransientErrors.RetryAfter(args.Outcome.Exception, clock.GetUtcNow());
                return ValueTask.FromResult(asked is { } delay ? (TimeSpan?)(delay < options.MaxDelay ? delay : options.MaxDelay) : null);
            },
        };
        return new ResiliencePipelineBuilder { TimeProvider = clock }.AddRetry(retry).Build();
    }
}
