using Nomadic.Results;

namespace Nomadic.Experiments;

/// <summary>Creates <see cref="IObjective"/>s from delegates that return a score or a <see cref="RunResult"/>, synchronously or not.</summary>
public static class Objective
{
    /// <summary>An objective from a function of the parameters returning a score.</summary>
    /// <param name="objective">The function.</param>
    /// <returns>The objective.</returns>
    public static IObjective Create(Func<IReadOnlyDictionary<string, object?>, double> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new SynchronousObjective(p => new RunResult(objective(p), p));
    }

    /// <summary>An objective from a function of the parameters returning a run result (score and metadata).</summary>
    /// <param name="objective">The function.</param>
    /// <returns>The objective.</returns>
    public static IObjective Create(Func<IReadOnlyDictionary<string, object?>, RunResult> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new SynchronousObjective(objective);
    }

    /// <summary>An objective from an asynchronous function of the parameters returning a score.</summary>
    /// <param name="objective">The function; it should observe the cancellation token.</param>
    /// <returns>The objective.</returns>
    public static IObjective Create(Func<IReadOnlyDictionary<string, object?>, CancellationToken, Task<double>> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new AsynchronousObjective(async (p, ct) => new RunResult(await objective(p, ct).ConfigureAwait(false), p));
    }

    /// <summary>An objective from an asynchronous function of the parameters returning a run result.</summary>
    /// <param name="objective">The function; it should observe the cancellation token.</param>
    /// <returns>The objective.</returns>
    public static IObjective Create(Func<IReadOnlyDictionary<string, object?>, CancellationToken, Task<RunResult>> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new AsynchronousObjective(objective);
    }

    /// <summary>Marks objectives that compute on the calling thread and ignore cancellation, so timeouts run them apart.</summary>
    internal interface IBlocking
    {
    }

    private sealed class SynchronousObjective(Func<IReadOnlyDictionary<string, object?>, RunResult> evaluate) : IObjective, IBlocking
    {
        public ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken) => new(evaluate(trial.Params));
    }

    private sealed class AsynchronousObjective(Func<IReadOnlyDictionary<string, object?>, CancellationToken, Task<RunResult>> evaluate) : IObjective
    {
        public ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken) => new(evaluate(trial.Params, cancellationToken));
    }
}
