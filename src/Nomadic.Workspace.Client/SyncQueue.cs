using Nomadic.Results;

namespace Nomadic.Workspace.Client;

/// <summary>
/// The runs waiting to be sent, oldest first, bounded: when full, the oldest are dropped (the final sync of the whole
/// result restores them). <see cref="Ready"/> completes once a batch is full.
/// </summary>
internal sealed class SyncQueue(int capacity, int batchSize)
{
    private readonly Lock _lock = new();
    private readonly List<RunResult> _runs = [];
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _runs.Count;
            }
        }
    }

    public int Dropped { get; private set; }

    /// <summary>Gets a task that completes when at least a batch is waiting.</summary>
    public Task Ready
    {
        get
        {
            lock (_lock)
            {
                if (_runs.Count >= batchSize)
                {
                    return Task.CompletedTask;
                }

                if (_ready.Task.IsCompleted)
                {
                    _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                return _ready.Task;
            }
        }
    }

    public void Add(RunResult run)
    {
        lock (_lock)
        {
            _runs.Add(run);
            Trim();
            if (_runs.Count >= batchSize)
            {
                _ready.TrySetResult();
            }
        }
    }

    /// <summary>Takes up to <paramref name="max"/> of the oldest runs.</summary>
    public List<RunResult> Take(int max)
    {
        lock (_lock)
        {
            int count = Math.Min(max, _runs.Count);
            List<RunResult> taken = _runs.GetRange(0, count);
            _runs.RemoveRange(0, count);
            return taken;
        }
    }

    /// <summary>Puts runs that could not be sent back in front of the others.</summary>
    public void PutBack(List<RunResult> runs)
    {
        lock (_lock)
        {
            _runs.InsertRange(0, runs);
            Trim();
        }
    }

    private void Trim()
    {
        int excess = _runs.Count - capacity;
        if (excess > 0)
        {
            _runs.RemoveRange(0, excess);
            Dropped += excess;
        }
    }
}
