using System.Globalization;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Nomadic.Storage.Postgres;

/// <summary>
/// Runs storage operations, retrying transient failures with exponential backoff and jitter within a time budget, and
/// turns every other database failure into a one-line <see cref="StorageException"/> naming the location.
/// </summary>
internal sealed class PostgresRetry
{
    private static readonly ResiliencePropertyKey<long> StartedAt = new("nomadic.postgres.started-at");

    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly TimeSpan _budget;
    private readonly string _location;

    /// <summary>Initializes a new instance of the <see cref="PostgresRetry"/> class.</summary>
    /// <param name="options">The retry budget, the longest wait and the clock.</param>
    /// <param name="location">Where the data lives, for messages.</param>
    /// <param name="connectionLost">Called before a retry after a lost connection (e.g. to drop pooled connections).</param>
    public PostgresRetry(PostgresStorageOptions options, string location, Action connectionLost)
    {
        _time = options.TimeProvider;
        _budget = options.RetryBudget;
        _location = location;
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && TransientFailures.IsTransient(e) && WithinBudget(args.Context)),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = options.MaxRetryDelay,
            MaxRetryAttempts = int.MaxValue,
            OnRetry = args =>
            {
                if (args.Outcome.Exception is { } e && TransientFailures.IsConnectionLost(e))
                {
                    connectionLost();
                }

                return default;
            },
        };
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = _time }.AddRetry(retry).Build();
    }

    /// <summary>Runs an operation until it succeeds, fails for good, or the budget is spent.</summary>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="operation">The operation; its argument says whether an earlier attempt failed (and may have committed).</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="StorageException">A non-transient failure, or transient ones past the budget.</exception>
    public T Execute<T>(Func<bool, T> operation)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(StartedAt, _time.GetTimestamp());
        int attempts = 0;
        try
        {
            return _pipeline.Execute(_ => operation(attempts++ > 0), context);
        }
        catch (Exception e) when (TransientFailures.IsTransient(e))
        {
            string waited = _time.GetElapsedTime(context.Properties.GetValue(StartedAt, 0)).TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            throw new StorageException($"{_location}: PostgreSQL is unreachable (gave up after {attempts} attempts in {waited} s): {Describe(e)}", e);
        }
        catch (NpgsqlException e)
        {
            throw new StorageException($"{_location}: {Describe(e)}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static string Describe(Exception exception)
    {
        string text = exception switch
        {
            PostgresException postgres => $"{postgres.MessageText} (SQLSTATE {postgres.SqlState})",
            { InnerException: { } inner } when inner is not PostgresException => $"{exception.Message} ({inner.Message})",
            _ => exception.Message,
        };
        return text.ReplaceLineEndings(" ").TrimEnd('.', ' ') + ".";
    }

    private bool WithinBudget(ResilienceContext context) =>
        _time.GetElapsedTime(context.Properties.GetValue(StartedAt, 0)) < _budget;
}
