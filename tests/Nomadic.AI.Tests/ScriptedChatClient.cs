using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Nomadic.AI.Tests;

/// <summary>
/// A chat client for tests: answers by a rule of the prompt (or from a queue), throws queued failures first, and
/// reports usage as one token per word.
/// </summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly Func<string, ChatOptions?, string> _answer;
    private readonly ConcurrentQueue<Exception> _failures = new();
    private int _calls;

    public ScriptedChatClient(Func<string, ChatOptions?, string> answer) => _answer = answer;

    public ScriptedChatClient(params string[] answers)
    {
        var queue = new ConcurrentQueue<string>(answers);
        _answer = (_, _) => queue.TryDequeue(out string? next) ? next : throw new InvalidOperationException("The script has no more answers.");
    }

    public int Calls => _calls;

    public ConcurrentQueue<(string Prompt, ChatOptions? Options)> Requests { get; } = new();

    /// <summary>Called at the start of every call (e.g. to advance a fake clock).</summary>
    public Action? OnCall { get; init; }

    public ScriptedChatClient FailFirst(params Exception[] failures)
    {
        foreach (Exception failure in failures)
        {
            _failures.Enqueue(failure);
        }

        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _calls);
        OnCall?.Invoke();
        string prompt = string.Join("\n", messages.Select(m => m.Text));
        Requests.Enqueue((prompt, options));
        if (_failures.TryDequeue(out Exception? failure))
        {
            return Task.FromException<ChatResponse>(failure);
        }

        string answer = _answer(prompt, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = options?.ModelId,
            Usage = new UsageDetails { InputTokenCount = Words(prompt), OutputTokenCount = Words(answer), TotalTokenCount = Words(prompt) + Words(answer) },
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatResponse response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (ChatResponseUpdate update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
