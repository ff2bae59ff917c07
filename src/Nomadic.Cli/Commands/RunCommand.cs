using System.CommandLine;
using Nomadic.Cli.Configuration;
using Nomadic.Cli.Output;
using Nomadic.Experiments;
using Nomadic.Results;

namespace Nomadic.Cli.Commands;

/// <summary><c>nomadic run &lt;experiment&gt;</c>: runs an experiment file with live progress, then shows the top runs and writes the results.</summary>
internal static class RunCommand
{
    private const int TopRuns = 10;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("experiment") { Description = "The experiment file: .json, .yaml or .yml." };
        var outDir = new Option<string?>("--out-dir") { Description = "Resolve the output paths against this folder instead of the experiment file's." };
        var command = new Command("run", "Run an experiment declared in a JSON or YAML file.") { file, outDir };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(console, parse.GetValue(file)!, parse.GetValue(outDir), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, string path, string? outDir, CancellationToken cancellationToken)
    {
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), outDir);
        var output = new OutputWriter(console);
        var tracker = new RunTracker(plan.Direction, plan.ExpectedRuns);
        Experiment experiment = Create(plan, tracker);
        ExperimentResult restored = experiment.Result;
        tracker.Restore(restored);
        WriteHeader(output, plan, experiment, restored);
        var start = new RunTally(restored.Count, plan.ExpectedRuns, 0, null);
        ExperimentResult result;
        if (output.Console is { } terminal)
        {
            result = await LiveProgress.RunAsync(terminal, experiment, tracker, start, cancellationToken);
        }
        else
        {
            tracker.Display = PlainProgress.To(output);
            result = await experiment.RunAsync(cancellationToken);
        }

        bool interrupted = cancellationToken.IsCancellationRequested;
        var stats = ResultStats.Of(result);
        output.Line();
        ResultReport.TopRuns(output, stats, TopRuns);
        output.Line();
        ResultReport.Best(output, stats);
        output.Line();
        ResultReport.Summary(output, stats);
        IReadOnlyList<string> files = ResultFiles.Save(result, plan.Outputs);
        output.Line(files.Count > 0
            ? "Results written to: " + string.Join(", ", files.Select(DisplayText.Path))
            : "Results not saved: the experiment file declares no \"output\".");
        if (interrupted)
        {
            output.Line($"Interrupted: kept the {result.Count} finished runs.");
            return ExitCodes.Interrupted;
        }

        if (result.Count > 0 && stats.Ranked.Count == 0)
        {
            console.Error.WriteLine($"error: {path}: no run completed ({stats.Failed} failed); first error: {DisplayText.Shorten(result.RunResults.First(r => !r.HasUsableScore).Error, 300)}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static Experiment Create(ExperimentPlan plan, RunTracker tracker)
    {
        try
        {
            return plan.CreateExperiment(tracker);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{plan.File.Path}: {e.Message.TrimEnd('.')}");
        }
    }

    private static void WriteHeader(OutputWriter output, ExperimentPlan plan, Experiment experiment, ExperimentResult restored)
    {
        string tuner = restored.Metadata.TryGetValue("tuner", out object? name) ? $"{name} search" : "search";
        string runs = plan.ExpectedRuns is long n ? $"{n} runs" : "runs until the time budget is spent";
        string direction = plan.Direction == Direction.Maximize ? "maximize" : "minimize";
        output.Line($"Experiment {experiment.Options.Name}: {plan.ObjectiveName} ({direction}), {tuner} over {string.Join(", ", plan.SearchSpace.Names)}; {runs}");
        if (restored.Count > 0 && plan.Outputs.Journal is string journal)
        {
            output.Line($"Resuming from {DisplayText.Path(journal)}: {restored.Count} runs already recorded.");
        }
    }
}
