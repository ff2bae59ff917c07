using System.Text.RegularExpressions;

namespace Nomadic.Storage.Postgres;

/// <summary>Settings of a <see cref="PostgresExperimentStorage"/>.</summary>
public sealed partial class PostgresStorageOptions
{
    /// <summary>Gets the PostgreSQL schema that holds the storage's tables; created when missing.</summary>
    /// <value>The default value is <c>nomadic</c>. Lower-case letters, digits and underscores, starting with a letter or underscore.</value>
    public string Schema { get; init; } = "nomadic";

    /// <summary>
    /// Gets a value indicating whether the storage only reads: it neither creates nor upgrades the schema, and every
    /// transaction it runs is read-only, so the server refuses any write with a <see cref="StorageException"/>. A
    /// database without the schema holds no experiments then (<see cref="PostgresExperimentStorage.HasSchema"/> is
    /// <see langword="false"/>) and is left as it is.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: the schema is created or upgraded when the storage opens.</value>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Gets how long one operation keeps retrying transient failures (the server restarting, a dropped connection)
    /// before it throws a <see cref="StorageException"/>.
    /// </summary>
    /// <value>
    /// The default value is 60 seconds, enough for a PostgreSQL restart. <see cref="TimeSpan.Zero"/> disables retries.
    /// The last wait may end up to <see cref="MaxRetryDelay"/> past the budget.
    /// </value>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the longest wait between two retries; waits grow exponentially from 100 ms, with jitter, up to it.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the clock for creation and finish times and for the waits between retries.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    internal void Validate()
    {
        if (Schema is null || !SchemaName().IsMatch(Schema))
        {
            throw new ArgumentException($"Schema must be lower-case letters, digits and underscores starting with a letter or underscore, got '{Schema}'.");
        }

        if (RetryBudget < TimeSpan.Zero)
        {
            throw new ArgumentException($"RetryBudget must not be negative, got {RetryBudget}.");
        }

        if (MaxRetryDelay <= TimeSpan.Zero)
        {
            throw new ArgumentException($"MaxRetryDelay must be positive, got {MaxRetryDelay}.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
