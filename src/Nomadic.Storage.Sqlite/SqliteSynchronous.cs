namespace Nomadic.Storage.Sqlite;

/// <summary>How hard SQLite works to make a committed change durable (its <c>synchronous</c> setting).</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// Commits survive a killed process; a power loss or operating system crash may lose the last commits but never
    /// corrupts the file. SQLite's own recommendation for write-ahead logging, and much faster than <see cref="Full"/>.
    /// </summary>
    Normal,

    /// <summary>Every commit is flushed to disk before it returns, so commits also survive a power loss.</summary>
    Full,
}
