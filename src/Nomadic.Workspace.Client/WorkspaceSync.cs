using System.Text.Json;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Workspace.Client;

/// <summary>
/// Pushes an experiment's runs to a Nomadic Workspace as they finish: pass it as <c>ExperimentOptions.Progress</c>
/// (or wrap a receiver of your own with <see cref="Around"/>), await <see cref="CompleteAsync"/> after <c>RunAsync</c>.
/// Runs are sent in batches from a queue in memory, so reporting a run never waits for the network and no failure of
/// the Workspace reaches the experiment; failed batches are retried with backoff and counted in <see cref="ErrorCount"/>.
/// The first batch creates the result; trial numbers identify runs, so sending a run again replaces it.
/// </summary>
/// <example>
/// <code>
/// await using WorkspaceSync sync = workspace.StartSync(space, "sweep");
/// var experiment = new Experiment(space, objective, new ExperimentOptions { Name = "sweep", NumSamples = 100, Progress = sync });
/// ExperimentResult result = await experiment.RunAsync();
/// await sync.CompleteAsync(result);   // sends what is left, then the whole result; sets result.ClientId
/// </code>
/// </example>
public sealed class WorkspaceSync : IProgress<RunResult>, IAsyncDisposable
{
    private const int MaxRunsPerRequest = 500;
    private readonly WorkspaceClient _client;
    private readonly SearchSpace _searchSpace;
    private readonly string? _name;
    private readonly WorkspaceSyncOptions _options;
    private readonly SyncQueue _queue;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Task? _pump;
    private volatile string? _clientId;
    private volatile string? _lastError;
    private int _errorCount;
    private int _syncedRuns;

    /// <summary>Initializes a new instance of the <see cref="WorkspaceSync"/> class; nothing is sent before the first run finishes.</summary>
    /// <param name="client">The Workspace to send to; the caller disposes it after this sync.</param>
    /// <param name="searchSpace">The experiment's search space, recorded with the result the first batch creates.</param>
    /// <param name="name">The result's name, usually the experiment's.</param>
    /// <param name="options">Batching and backoff; the defaults when <see langword="null"/>.</param>
    public WorkspaceSync(WorkspaceClient client, SearchSpace searchSpace, string? name, WorkspaceSyncOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(searchSpace);
        _client = client;
        _searchSpace = searchSpace;
        _name = name;
        _options = options ?? new WorkspaceSyncOptions();
        _queue = new SyncQueue(_options.MaxQueuedRuns, _options.BatchSize);
        _clientId = _options.ResultId;
    }

    /// <summary>Occurs after an attempt to send failed, on a thread of the sync; the runs stay queued for the next attempt. A handler must not throw.</summary>
    public event EventHandler<WorkspaceSyncErrorEventArgs>? SyncFailed;

    /// <summary>Gets the result's id on the Workspace, or <see langword="null"/> before the first batch got there.</summary>
    public string? ClientId => _clientId;

    /// <summary>Gets how many attempts to send failed, each after the client's own retries.</summary>
    public int ErrorCount => Volatile.Read(ref _errorCount);

    /// <summary>Gets the message of the last failure, or <see langword="null"/>.</summary>
    public string? LastError => _lastError;

    /// <summary>Gets how many runs the Workspace has acknowledged in batches (the final sync of the whole result not counted).</summary>
    public int SyncedRuns => Volatile.Read(ref _syncedRuns);

    /// <summary>Gets how many runs are waiting to be sent.</summary>
    public int PendingRuns => _queue.Count;

    /// <summary>Gets how many queued runs were dropped because <see cref="WorkspaceSyncOptions.MaxQueuedRuns"/> were waiting.</summary>
    public int DroppedRuns => _queue.Dropped;

    /// <summary>Queues a finished run and returns at once; called by the experiment on the thread that finished the run.</summary>
    /// <param name="value">The run, with its trial number.</param>
    public void Report(RunResult value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _queue.Add(value);
        lock (_lock)
        {
            if (_pump is null && !_stop.IsCancellationRequested)
            {
                _pump = Task.Run(() => PumpAsync(_stop.Token), CancellationToken.None);
            }
        }
    }

    /// <summary>Returns a receiver that reports each run to <paramref name="progress"/> first, then to this sync.</summary>
    /// <param name="progress">A receiver of the caller's, or <see langword="null"/> for this sync alone.</param>
    /// <returns>The receiver to set as <c>ExperimentOptions.Progress</c>.</returns>
    public IProgress<RunResult> Around(IProgress<RunResult>? progress) => progress is null ? this : new TeeProgress(progress, this);

    /// <summary>Sends every queued run now, each batch tried once (with the client's retries); stops at the first failure.</summary>
    /// <param name="cancellationToken">Stops waiting; unsent runs stay queued.</param>
    /// <returns>Whether the queue is empty now.</returns>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (_queue.Take(MaxRunsPerRequest) is { Count: > 0 } batch)
            {
                if (!await TrySendAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Ends the sync after the experiment: stops sending in the background, sends the queued runs, then the whole result
    /// (its metadata, stop reason and any run dropped from the queue) in place of the one on the Workspace, and sets its
    /// <see cref="ExperimentResult.ClientId"/>. Never throws for the Workspace's sake.
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="cancellationToken">Stops waiting (the only exception this method lets through).</param>
    /// <returns>Whether the Workspace has the whole result, its id, or the last error.</returns>
    public async Task<WorkspaceSyncOutcome> CompleteAsync(ExperimentResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await StopAsync().ConfigureAwait(false);
        if (!await FlushAsync(cancellationToken).ConfigureAwait(false))
        {
            result.ClientId = ClientId ?? result.ClientId;
            return new WorkspaceSyncOutcome(false, ClientId, LastError);
        }

        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            bool synced = await TryAsync(
                async () =>
                {
                    result.ClientId = ClientId ?? await FindExistingAsync(cancellationToken).ConfigureAwait(false) ?? result.ClientId;
                    _clientId = await _client.SyncAsync(result, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return new WorkspaceSyncOutcome(synced, ClientId, synced ? null : LastError);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Stops sending in the background without sending what is queued (see <see cref="CompleteAsync"/>).</summary>
    /// <returns>A task that completes when the background sending has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task StopAsync()
    {
        Task? pump;
        lock (_lock)
        {
            if (!_stop.IsCancellationRequested)
            {
                _stop.Cancel();
            }

            pump = _pump;
        }

        if (pump is not null)
        {
            await pump.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        TimeSpan backoff = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            Task delay = Task.Delay(backoff > TimeSpan.Zero ? backoff : _options.FlushInterval, _options.TimeProvider, stop);
            await (backoff > TimeSpan.Zero ? delay : Task.WhenAny(_queue.Ready, delay)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                bool sent = await SendQueuedAsync(stop).ConfigureAwait(false);
                backoff = sent ? TimeSpan.Zero : Next(backoff);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;   // the batch in flight went back to the queue; CompleteAsync sends it
            }
        }
    }

    private async Task<bool> SendQueuedAsync(CancellationToken stop)
    {
        await _sending.WaitAsync(stop).ConfigureAwait(false);
        try
        {
            while (!stop.IsCancellationRequested && _queue.Take(MaxRunsPerRequest) is { Count: > 0 } batch)
            {
                if (!await TrySendAsync(batch, stop).ConfigureAwait(false))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Sends one batch, creating the result first when there is none yet; puts the batch back when it fails.</summary>
    private async Task<bool> TrySendAsync(List<RunResult> batch, CancellationToken cancellationToken)
    {
        bool sent = false;
        try
        {
            sent = await TryAsync(() => SendAsync(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
            return sent;
        }
        finally
        {
            if (sent)
            {
                Interlocked.Add(ref _syncedRuns, batch.Count);
            }
            else
            {
                _queue.PutBack(batch);
            }
        }
    }

    private async Task SendAsync(List<RunResult> batch, CancellationToken cancellationToken)
    {
        _clientId ??= await FindExistingAsync(cancellationToken).ConfigureAwait(false);
        if (_clientId is string id)
        {
            try
            {
                await _client.AddRunsAsync(id, batch, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (WorkspaceException e) when (e.StatusCode == 404)
            {
                _clientId = null;   // deleted on the Workspace: create it again below
            }
        }

        var created = new ExperimentResult(_searchSpace, batch, _name) { Direction = _options.Direction };
        _clientId = await _client.SyncAsync(created, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> FindExistingAsync(CancellationToken cancellationToken) =>
        _options.ContinueResultOfSameName && _name is not null ? await _client.FindResultIdAsync(_name, cancellationToken).ConfigureAwait(false) : null;

    private async Task<bool> TryAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is WorkspaceException or HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _lastError = e.Message;
            int count = Interlocked.Increment(ref _errorCount);
            SyncFailed?.Invoke(this, new WorkspaceSyncErrorEventArgs(e, count));
            return false;
        }
    }

    private TimeSpan Next(TimeSpan backoff)
    {
        TimeSpan next = backoff == TimeSpan.Zero ? _options.FlushInterval : backoff * 2;
        return next < _options.MaxBackoff ? next : _options.MaxBackoff;
    }
}
