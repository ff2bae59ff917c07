using System.Diagnostics;
using System.Globalization;
using Nomadic.Experiments;
using Nomadic.Results;

namespace Nomadic.Cli.Objectives;

/// <summary>
/// An objective that runs a command once per trial, without a shell. The command gets the parameters three ways:
/// <c>{name}</c> placeholders in its arguments, one <c>NOMADIC_PARAM_&lt;NAME&gt;</c> environment variable each, and a
/// JSON file named by <c>NOMADIC_PARAMS_FILE</c>; <c>NOMADIC_TRIAL_NUMBER</c> gives the run's number. Stdout lines
/// such as <c>{"step": 3, "value": 0.81}</c> report progress; the last other non-empty stdout line is the score: a
/// number or <c>{"score": 0.9, "metadata": {...}}</c>.
/// </summary>
/// <remarks>
/// A non-zero exit, a malformed report or a last line that is no score throws <see cref="CommandFailedException"/>, so
/// the run fails with the reason and the stderr tail. After each report the experiment's pruner is asked; when it
/// prunes, the command and its children are killed and <see cref="Pruning.TrialPrunedException"/> records the run as
/// pruned. Cancellation (Ctrl+C, a trial timeout) kills the command and its children too.
/// </remarks>
internal sealed class CommandObjective(CommandSpec spec) : IObjective
{
    public const string ParamsFileVariable = "NOMADIC_PARAMS_FILE";
    public const string TrialNumberVariable = "NOMADIC_TRIAL_NUMBER";

    public CommandSpec Spec { get; } = spec;

    public async ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        string paramsFile = Path.Combine(Path.GetTempPath(), $"nomadic-params-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(paramsFile, JsonPlain.Serialize(trial.Params), CancellationToken.None);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progress = new CommandProgress(trial, stop);
            ProcessOutcome outcome;
            try
            {
                outcome = await ProcessRunner.RunAsync(StartInfo(trial, paramsFile), progress.Accept, stop.Token);
            }
            catch (OperationCanceledException) when (progress.Stopped && !cancellationToken.IsCancellationRequested)
            {
                throw progress.Reason;
            }

            return ToRunResult(trial, outcome);
        }
        finally
        {
            File.Delete(paramsFile);
        }
    }

    private ProcessStartInfo StartInfo(Trial trial, string paramsFile)
    {
        var start = new ProcessStartInfo(Spec.Executable) { WorkingDirectory = Spec.WorkingDirectory };
        foreach (string argument in Spec.Arguments)
        {
            start.ArgumentList.Add(Placeholders.Expand(argument, trial.Params));
        }

        foreach (KeyValuePair<string, string> variable in Spec.Environment)
        {
            start.Environment[variable.Key] = variable.Value;
        }

        foreach (KeyValuePair<string, object?> parameter in trial.Params)
        {
            start.Environment[ParamText.VariableName(parameter.Key)] = ParamText.Invariant(parameter.Value);
        }

        start.Environment[ParamsFileVariable] = paramsFile;
        start.Environment[TrialNumberVariable] = trial.Number.ToString(CultureInfo.InvariantCulture);
        return start;
    }

    private static RunResult ToRunResult(Trial trial, ProcessOutcome outcome)
    {
        if (outcome.ExitCode != 0)
        {
            throw Failure($"the command exited with code {outcome.ExitCode}", outcome);
        }

        if (outcome.OutputLineTooLong)
        {
            throw Failure(string.Create(CultureInfo.InvariantCulture, $"the command printed a stdout line longer than {ProcessRunner.MaxLineChars:N0} characters (16 MiB), the most read of a line"), outcome);
        }

        if (outcome.LastOutputLine is not string line)
        {
            throw Failure(
                trial.IntermediateValues.Count > 0
                    ? "the command printed only progress reports on stdout; its last other line must be the score"
                    : "the command printed nothing on stdout; its last line must be the score",
                outcome);
        }

        if (!ScoreLine.TryParse(line, out double score, out IReadOnlyDictionary<string, object?> metadata, out string problem))
        {
            throw Failure(problem + " (print a number or {\"score\": ..., \"metadata\": {...}} last)", outcome);
        }

        return new RunResult(score, trial.Params, metadata);
    }

    private static CommandFailedException Failure(string reason, ProcessOutcome outcome) =>
        new(outcome.StderrTail.Length > 0 ? $"{reason}; stderr: {outcome.StderrTail}" : $"{reason}; stderr was empty");
}
