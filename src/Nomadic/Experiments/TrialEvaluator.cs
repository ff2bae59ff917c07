using Nomadic.Pruning;
using Nomadic.Results;
using Polly;
using Polly.Retry;

namespace Nomadic.Experiments;

/// <summary>
/// Runs the objective for one trial, as many times as the experiment repeats it, with the experiment's timeout and
/// retry policy, and turns every way it can end (score, exception, timeout, NaN, pruning) into a run outcome.
/// </summary>
internal sealed class TrialEvaluator
{
    private readonly IObjective _objective;
    private readonly TimeSpan? _timeout;
    private readonly int _repeats;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline? _retry;

    public TrialEvaluator(IObjective objective, ExperimentOptions options)
    {
        _objective = objective;
        _timeout = options.TrialTimeout;
        _repeats = options.Repeats;
        _time = options.TimeProvider;
        if (options.Retry is { MaxRetryAttempts: > 0 } retry)
        {
            _retry = new ResiliencePipelineBuilder { TimeProvider = _time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = retry.MaxRetryAttempts,
                    Delay = retry.BaseDelay,
                    MaxDelay = retry.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is { } e && e is not (OperationCanceledException or TrialPrunedException) && retry.ShouldRetry(e)),
                })
                .Build();
        }
    }

    /// <summary>Evaluates a trial; returns <see langword="null"/> when the experiment was cancelled during it, whatever the objective threw then.</summary>
    public async ValueTask<RunResult?> EvaluateAsync(Trial trial, CancellationToken experimentToken)
    {
        if (_repeats == 1)
        {
            return await EvaluateOnceAsync(trial, experimentToken).ConfigureAwait(false);
        }

        var scores = new List<double>(_repeats);
        RunResult? last = null;
        for (int repetition = 1; repetition <= _repeats; repetition++)
        {
            last = await EvaluateOnceAsync(trial, experimentToken).ConfigureAwait(false);
            switch (last?.Status)
            {
                case null or RunStatus.Pruned:
                    return last;
                case RunStatus.Failed:
                    return RunResult.Failed(trial.Params, $"repetition {repetition} of {_repeats}: {last.Error}", last.Metadata);
                default:
                    scores.Add(last.Score);
                    break;
            }
        }

        return RepeatedScores.Combine(scores, last!);
    }

    private async ValueTask<RunResult?> EvaluateOnceAsync(Trial trial, CancellationToken experimentToken)
    {
        try
        {
            RunResult outcome = _retry is null
                ? await AttemptAsync(trial, experimentToken).ConfigureAwait(false)
                : await _retry.ExecuteAsync(static (state, ct) => state.Evaluator.AttemptAsync(state.Trial, ct), (Evaluator: this, Trial: trial), experimentToken).ConfigureAwait(false);
            return Check(trial, outcome);
        }
        catch (Exception) when (experimentToken.IsCancellationRequested)
        {
            // Cancelled work surfaces as whatever the objective's libraries throw (a native runtime's terminate flag, a
            // closed connection): once the experiment is stopped, any exception means the run was interrupted.
            return null;
        }
        catch (TrialPrunedException)
        {
            return RunResult.Pruned(trial.Params, trial.IntermediateValues);
        }
        catch (TrialTimeoutException e)
        {
            return RunResult.Failed(trial.Params, e.Message);
        }
        catch (Exception e)
        {
            return RunResult.Failed(trial.Params, Describe(e));
        }
    }

    private async ValueTask<RunResult> AttemptAsync(Trial trial, CancellationToken experimentToken)
    {
        if (_timeout is not TimeSpan timeout)
        {
            return await _objective.EvaluateAsync(trial, experimentToken).ConfigureAwait(false);
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(experimentToken, timeoutSource.Token);
        Task<RunResult> attempt = _objective is Objective.IBlocking
            ? Task.Run(() => _objective.EvaluateAsync(trial, linked.Token).AsTask(), CancellationToken.None)
            : _objective.EvaluateAsync(trial, linked.Token).AsTask();
        try
        {
            return await attempt.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !experimentToken.IsCancellationRequested)
        {
            trial.TimedOut = true;
            throw new TrialTimeoutException($"timed out after {timeout.TotalSeconds:0.###} s");
        }
    }

    private static RunResult Check(Trial trial, RunResult outcome)
    {
        if (outcome is null)
        {
            return RunResult.Failed(trial.Params, "the objective returned no result");
        }

        if (outcome.Status == RunStatus.Completed && !double.IsFinite(outcome.Score))
        {
            return RunResult.Failed(trial.Params, $"the objective returned a score of {ParamValue.ToDisplayString(outcome.Score)}, not a finite number", outcome.Metadata);
        }

        return outcome;
    }

    private static string Describe(Exception e)
    {
        Exception root = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
        string message = root.Message.ReplaceLineEndings(" ").Trim();
        return $"{root.GetType().Name}: {message}";
    }

    private sealed class TrialTimeoutException(string message) : Exception(message);
}
