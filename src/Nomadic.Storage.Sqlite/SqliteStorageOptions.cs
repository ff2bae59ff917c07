namespace Nomadic.Storage.Sqlite;

/// <summary>The settings of a <see cref="SqliteExperimentStorage"/>, each with a documented default; checked when the storage opens.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>Gets how long an operation waits for another process to finish writing before it retries.</summary>
    /// <value>The default value is 30 seconds; shorter waits last at least one second.</value>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how many times an operation is retried, with growing pauses, after the busy timeout ran out.</summary>
    /// <value>The default value is 3; 0 reports the first timeout as a <see cref="StorageException"/>.</value>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Gets how durable each commit is.</summary>
    /// <value>
    /// The default value is <see cref="SqliteSynchronous.Normal"/>: with write-ahead logging, committed runs survive a
    /// killed process. Choose <see cref="SqliteSynchronous.Full"/> to survive a power loss as well, at some speed.
    /// </value>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Normal;

    /// <summary>Gets whether the storage only reads the file, changing nothing in it.</summary>
    /// <value>
    /// The default value is <see langword="false"/>. When <see langword="true"/> the file must exist; it is opened
    /// read-only, with no schema created or upgraded and no switch to write-ahead logging, and every change throws a
    /// <see cref="StorageException"/>. An empty file reads as a storage with no experiments; a file of an older schema
    /// version is refused until it is opened once for writing.
    /// </value>
    public bool ReadOnly { get; init; }

    /// <summary>Gets the clock for the times stored with experiments and finished trials.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException($"BusyTimeout must be positive and under 24 days, got {BusyTimeout}.");
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentException($"MaxRetries must be 0 or more, got {MaxRetries}.");
        }

        if (!Enum.IsDefined(Synchronous))
        {
            throw new ArgumentException($"Synchronous must be Normal or Full, got {Synchronous}.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
