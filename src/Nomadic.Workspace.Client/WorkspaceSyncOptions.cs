using Nomadic.Results;

namespace Nomadic.Workspace.Client;

/// <summary>How a <see cref="WorkspaceSync"/> batches runs and waits after failures.</summary>
public sealed class WorkspaceSyncOptions
{
    /// <summary>Gets how many finished runs make a batch worth sending at once.</summary>
    /// <value>The default value is 10.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    }

    = 10;

    /// <summary>Gets the longest a finished run waits in the queue before it is sent, however small the batch.</summary>
    /// <value>The default value is five seconds.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan FlushInterval
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            field = value;
        }
    }

    = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets how many runs wait in memory at most while the Workspace cannot be reached; past it the oldest are dropped
    /// (and counted in <see cref="WorkspaceSync.DroppedRuns"/>) until <see cref="WorkspaceSync.CompleteAsync"/> sends the whole result.
    /// </summary>
    /// <value>The default value is 10,000.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxQueuedRuns
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    }

    = 10_000;

    /// <summary>
    /// Gets the longest wait between two attempts after a batch failed every retry of its client; the wait starts at
    /// <see cref="FlushInterval"/> and doubles with each failure up to this.
    /// </summary>
    /// <value>The default value is one minute.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan MaxBackoff
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            field = value;
        }
    }

    = TimeSpan.FromMinutes(1);

    /// <summary>Gets the direction recorded with the result the first batch creates; the final sync records the experiment's own.</summary>
    /// <value>The default value is <see cref="Direction.Maximize"/>.</value>
    public Direction Direction { get; init; } = Direction.Maximize;

    /// <summary>Gets the id of a result on the Workspace to add the runs to instead of creating one.</summary>
    /// <value>The default value is <see langword="null"/>: the first batch creates a result (see <see cref="ContinueResultOfSameName"/>).</value>
    public string? ResultId { get; init; }

    /// <summary>Gets a value indicating whether the first batch goes to the workspace's newest result of the same name, when there is one, rather than to a new result.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ContinueResultOfSameName { get; init; }

    /// <summary>Gets the clock the flush interval and the waits after failures run on.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
