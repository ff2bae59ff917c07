namespace Nomadic.Experiments;

/// <summary>Wakes the workers waiting for their turn: each <see cref="Raise"/> completes the task handed out before it.</summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = New();

    /// <summary>Gets a task that completes at the next <see cref="Raise"/>.</summary>
    public Task Next => _next.Task;

    /// <summary>Completes the waiting task and starts a new one; called under the experiment's lock.</summary>
    public void Raise()
    {
        _next.TrySetResult();
        _next = New();
    }

    // Continuations run on the thread pool, never inline under the experiment's lock.
    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
