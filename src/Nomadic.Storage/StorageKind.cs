namespace Nomadic.Storage;

/// <summary>The kinds of storage a <see cref="StorageUrl"/> names.</summary>
public enum StorageKind
{
    /// <summary>A SQLite file: one machine, any number of processes.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: any number of machines.</summary>
    Postgres,

    /// <summary>This process's memory: nothing is kept after it ends.</summary>
    Memory,
}
