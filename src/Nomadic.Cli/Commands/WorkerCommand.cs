using System.CommandLine;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Objectives;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Cli.Commands;

/// <summary>
/// <c>nomadic worker &lt;name&gt; --storage URL</c>: joins a stored experiment, rebuilds its plan from the experiment file
/// kept with it, and runs configurations until the experiment is done, sharing the work with every other worker.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("experiment-name") { Description = "The stored experiment to work on (created by nomadic run)." };
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var maxConcurrent = new Option<int?>("--max-concurrent")
        {
            Description = "Runs at a time in this worker. Default: the experiment file's max_concurrent_trials.",
            HelpName = "N",
        };
        maxConcurrent.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--max-concurrent must be at least 1.");
            }
        });
        Option<string?> workerId = StorageArguments.WorkerId();
        Option<double> lease = StorageArguments.LeaseSeconds();
        Option<bool> keepFailed = FailedRunRetry.KeepFailedOption();
        var command = new Command("worker", "Join a stored experiment and run its configurations until it is done; any number of workers share the work.")
        {
            name, storage, maxConcurrent, workerId, lease, keepFailed,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            console,
            parse.GetValue(name)!,
            StorageArguments.Resolve(parse.GetValue(storage)),
            new Worker(parse.GetValue(workerId) ?? WorkerSettings.DefaultWorkerId(), TimeSpan.FromSeconds(parse.GetValue(lease)), parse.GetValue(maxConcurrent), parse.GetValue(keepFailed)),
            cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, string name, StorageUrl url, Worker worker, CancellationToken cancellationToken)
    {
        using IExperimentStorage storage = url.OpenExisting();
        StoredExperiment stored = ExperimentLookup.Find(storage, name);
        ExperimentPlan plan = ExperimentFileValidator.Validate(StoredExperimentFile.Read(stored, storage.Location), outputFolder: null);
        await EndpointProbe.EnsureReachableAsync(plan, cancellationToken);
        var output = new OutputWriter(console with { IsTerminal = false });
        var tracker = new RunTracker(plan.Direction, plan.ExpectedRuns);
        var settings = new WorkerSettings(storage, worker.Id, worker.Lease, worker.MaxConcurrent) { RetryFailedRuns = !worker.KeepFailed };
        Experiment experiment = ExperimentRunner.Create(plan, tracker, settings);
        ExperimentResult restored = experiment.Result;
        tracker.Restore(restored);
        output.Line($"Worker {worker.Id} joins '{name}' in {storage.Location}: {ExperimentRunner.Describe(plan, restored)}; {DisplayText.Runs(restored.Count)} already stored");
        FailedRunRetry.Announce(output, stored, worker.KeepFailed);
        var start = new RunTally(restored.Count, plan.ExpectedRuns, 0, null);
        ExperimentResult result = await ExperimentRunner.RunAsync(output, experiment, tracker, start, live: false, cancellationToken);
        bool interrupted = cancellationToken.IsCancellationRequested;
        output.Line($"Worker {worker.Id} {(interrupted ? "interrupted" : "done")}: {DisplayText.Runs(tracker.Reported)} here.");
        ResultReport.Summary(output, ResultStats.Of(result));
        return interrupted ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    private sealed record Worker(string Id, TimeSpan Lease, int? MaxConcurrent, bool KeepFailed);
}
