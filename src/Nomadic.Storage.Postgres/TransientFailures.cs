using System.Net.Sockets;
using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>Tells failures worth retrying (the server restarting, a dropped connection) from the rest.</summary>
internal static class TransientFailures
{
    // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, serialization_failure, deadlock_detected.
    private static readonly HashSet<string> States = new(StringComparer.Ordinal) { "57P01", "57P02", "57P03", "53300", "40001", "40P01" };

    /// <summary>Returns whether retrying the operation may succeed.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for connection failures and server restarts.</returns>
    public static bool IsTransient(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.IsTransient || States.Contains(postgres.SqlState) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case EndOfStreamException:
                case IOException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether the failure means the connection itself is gone, so pooled connections are likely dead too.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> unless the server answered with a retryable error on a live connection.</returns>
    public static bool IsConnectionLost(Exception exception) =>
        exception is not PostgresException { SqlState: "40001" or "40P01" or "53300" };
}
