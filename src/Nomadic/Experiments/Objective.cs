using Nomadic.Results;

namespace Nomadic.Experiments;

/// <summary>
/// Creates <see cref="IObjective"/>s from delegates that return a score or a <see cref="RunResult"/>, synchronously or
/// not: <c>Create</c> for functions of the parameters, <c>FromTrial</c> for functions of the <see cref="Trial"/> that
/// report progress and may be pruned.
/// </summary>
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

    /// <summary>An objective from a function of the trial returning a score; it can report progress and be pruned.</summary>
    /// <param name="objective">The function; it reads <see cref="Trial.Params"/>, may call <see cref="Trial.Report"/> and <see cref="Trial.ShouldPrune"/>, and throws <see cref="Pruning.TrialPrunedException"/> to stop.</param>
    /// <returns>The objective.</returns>
    /// <example>
    /// <code>
    /// IObjective objective = Objective.FromTrial(trial =>
    /// {
    ///     double accuracy = 0;
    ///     for (int epoch = 0; epoch &lt; 20; epoch++)
    ///     {
    ///         accuracy = TrainOneEpoch(trial.Params);
    ///         trial.Report(epoch, accuracy);
    ///         if (trial.ShouldPrune()) throw new TrialPrunedException();
    ///     }
    ///     return accuracy;
    /// });
    /// </code>
    /// </example>
    public static IObjective FromTrial(Func<Trial, double> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new SynchronousTrialObjective(t => new RunResult(objective(t), t.Params));
    }

    /// <summary>An objective from an asynchronous function of the trial returning a score; it can report progress and be pruned.</summary>
    /// <param name="objective">The function; it should observe the cancellation token.</param>
    /// <returns>The objective.</returns>
    public static IObjective FromTrial(Func<Trial, CancellationToken, Task<double>> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new AsynchronousTrialObjective(async (t, ct) => new RunResult(await objective(t, ct).ConfigureAwait(false), t.Params));
    }

    /// <summary>An objective from an asynchronous function of the trial returning a run result; it can report progress and be pruned.</summary>
    /// <param name="objective">The function; it should observe the cancellation token. A result with <see cref="RunStatus.Pruned"/> prunes the run too.</param>
    /// <returns>The objective.</returns>
    public static IObjective FromTrial(Func<Trial, CancellationToken, Task<RunResult>> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new AsynchronousTrialObjective(objective);
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

    private sealed class SynchronousTrialObjective(Func<Trial, RunResult> evaluate) : IObjective, IBlocking
    {
        public ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken) => new(evaluate(trial));
    }

    private sealed class AsynchronousTrialObjective(Func<Trial, CancellationToken, Task<RunResult>> evaluate) : IObjective
    {
        public ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken) => new(evaluate(trial, cancellationToken));
    }
}
