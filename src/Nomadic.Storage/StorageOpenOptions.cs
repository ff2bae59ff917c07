namespace Nomadic.Storage;

/// <summary>How <see cref="StorageUrl.Open"/> opens a storage.</summary>
public sealed class StorageOpenOptions
{
    /// <summary>Gets a value indicating whether the storage is only read: a SQLite file is opened read-only, a PostgreSQL database in read-only transactions; writes fail.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ReadOnly { get; init; }

    /// <summary>Gets how long to keep retrying an unreachable PostgreSQL server.</summary>
    /// <value>The default is the PostgreSQL storage's own (a minute).</value>
    public TimeSpan? RetryBudget { get; init; }
}
