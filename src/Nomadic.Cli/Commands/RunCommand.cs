using System.CommandLine;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Objectives;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Cli.Commands;

/// <summary>
/// <c>nomadic run &lt;experiment&gt;</c>: runs an experiment file with live progress, keeping its runs in a storage (so
/// running it again resumes it and workers can join), then shows the top runs and writes the results.
/// </summary>
internal static class RunCommand
{
    private const int TopRuns = 10;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("experiment") { Description = "The experiment file: .json, .yaml or .yml." };
        var outDir = new Option<string?>("--out-dir")
        {
            Description = "Resolve the output paths (and the default nomadic.db) against this folder instead of the experiment file's.",
            HelpName = "DIR",
        };
        Option<string?> storage = StorageArguments.Storage("the file's \"storage\", else nomadic.db beside the experiment file (or in --out-dir)");
        Option<double> lease = StorageArguments.LeaseSeconds();
        Option<string?> workerId = StorageArguments.WorkerId();
        var workspace = new Option<string?>("--workspace")
        {
            Description = $"Push runs to the Nomadic Workspace at this address as they finish, and the whole result when the run ends, with the API key in {WorkspaceSync.KeyVariable}.",
            HelpName = "URL",
        };
        var name = new Option<string?>("--name")
        {
            Description = "Keep the runs under this experiment name instead of the file's \"name\" (by default the file name without extension).",
            HelpName = "NAME",
        };
        Option<bool> keepFailed = FailedRunRetry.KeepFailedOption();
        var reproducible = new Option<bool>("--reproducible")
        {
            Description = "Show runs made at the same time to the tuner in run order, so the same seed gives the same runs whichever finishes first (the file's \"reproducible: true\").",
        };
        var command = new Command("run", "Run an experiment declared in a JSON or YAML file; its runs are kept in a storage, so running it again resumes it.")
        {
            file, outDir, name, storage, lease, workerId, workspace, keepFailed, reproducible,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            console,
            new Request(parse.GetValue(file)!, parse.GetValue(name), parse.GetValue(outDir), parse.GetValue(storage), TimeSpan.FromSeconds(parse.GetValue(lease)), parse.GetValue(workerId), parse.GetValue(workspace), parse.GetValue(keepFailed), parse.GetValue(reproducible)),
            cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, Request request, CancellationToken cancellationToken)
    {
        if (request.Name is { } given && string.IsNullOrWhiteSpace(given))
        {
            throw new InputException("--name must not be empty");
        }

        ExperimentFile read = ExperimentFileReader.Read(request.Path);
        read = request.Name is null ? read : read with { Name = request.Name };
        ExperimentPlan plan = ExperimentFileValidator.Validate(request.Reproducible ? read with { Reproducible = true } : read, request.OutDir);
        await using WorkspaceSync? sync = WorkspaceSync.From(request.Workspace);
        await EndpointProbe.EnsureReachableAsync(plan, cancellationToken);
        if (sync is not null)
        {
            await sync.CheckKeyAsync(plan.File.Name, cancellationToken);
        }

        StorageUrl url = request.Storage is string text ? StorageArguments.Parse(text, Environment.CurrentDirectory)
            : plan.File.Storage ?? StorageUrl.DefaultIn(request.OutDir is null ? plan.File.Folder : Path.GetFullPath(request.OutDir));
        using IExperimentStorage storage = url.Open();
        StoredExperiment? before = ExperimentRunner.FindSame(storage, plan);
        var output = new OutputWriter(console);
        var tracker = new RunTracker(plan.Direction, plan.ExpectedRuns);
        if (plan.Outputs.Journal is string journal && File.Exists(journal) && DataFileLimits.SizeProblem(journal) is string tooLarge)
        {
            throw new InputException(tooLarge);
        }

        var worker = new WorkerSettings(storage, request.WorkerId, request.Lease, null) { RetryFailedRuns = !request.KeepFailed, Journal = plan.Outputs.Journal };
        Experiment experiment = ExperimentRunner.Create(plan, sync?.Start(plan, tracker) ?? tracker, worker);
        ExperimentResult restored = experiment.Result;
        tracker.Restore(restored);
        WriteHeader(output, plan, restored, storage.Location);
        FailedRunRetry.Announce(output, before, request.KeepFailed);

        if (before is not null && StoredExperimentFile.Differs(before, plan.File))
        {
            output.Line($"Note: {plan.File.Path} changed since '{plan.File.Name}' was stored; workers that join it use the stored version.");
        }

        var start = new RunTally(restored.Count, plan.ExpectedRuns, 0, null);
        ExperimentResult result = await ExperimentRunner.RunAsync(output, experiment, tracker, start, live: true, cancellationToken);
        if (sync is not null)
        {
            await sync.SyncAsync(output, result, CancellationToken.None);
        }

        return Report(console, output, plan, result, storage.Location, cancellationToken.IsCancellationRequested);
    }

    private static int Report(CliConsole console, OutputWriter output, ExperimentPlan plan, ExperimentResult result, string location, bool interrupted)
    {
        var stats = ResultStats.Of(result);
        output.Line();
        ResultReport.TopRuns(output, stats, TopRuns);
        output.Line();
        ResultReport.Best(output, stats);
        output.Line();
        if (ParetoReport.Front(output, result))
        {
            output.Line();
        }

        ResultReport.Summary(output, stats);
        if (result.Metadata.GetValueOrDefault("reproducibility") is string reproducibility)
        {
            output.Line(reproducibility);
        }

        IReadOnlyList<string> files = ResultFiles.Save(result, plan.Outputs);
        output.Line(files.Count > 0
            ? "Results written to: " + string.Join(", ", files.Select(DisplayText.Path))
            : "Results not saved: the experiment file declares no \"output\".");
        output.Line($"Runs kept in {location} as '{plan.File.Name}'.");
        if (interrupted)
        {
            output.Line($"Interrupted: kept {(result.Count == 1 ? "the finished run" : $"the {result.Count} finished runs")}.");
            return ExitCodes.Interrupted;
        }

        if (result.Count > 0 && stats.Ranked.Count == 0)
        {
            console.Error.WriteLine($"error: {plan.File.Path}: no run completed ({stats.Failed} failed); first error: {DisplayText.Shorten(result.RunResults.First(r => !r.HasUsableScore).Error, 300)}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static void WriteHeader(OutputWriter output, ExperimentPlan plan, ExperimentResult restored, string location)
    {
        output.Line($"Experiment {plan.File.Name}: {ExperimentRunner.Describe(plan, restored)}");
        if (restored.Count > 0)
        {
            output.Line($"Resuming '{plan.File.Name}': {DisplayText.Runs(restored.Count)} already stored in {location}.");
        }
    }

    private sealed record Request(string Path, string? Name, string? OutDir, string? Storage, TimeSpan Lease, string? WorkerId, string? Workspace, bool KeepFailed, bool Reproducible);
}
