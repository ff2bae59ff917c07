using System.CommandLine;
using System.Globalization;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Cli.Commands;

/// <summary><c>nomadic ls [--storage URL]</c>: the stored experiments, one row each, oldest first.</summary>
internal static class ListCommand
{
    private static readonly HashSet<int> Numbers = [2, 3, 4, 5];

    public static Command Create(CliConsole console)
    {
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var command = new Command("ls", "List the stored experiments: runs completed, failed and running, best score, creation time.") { storage };
        command.SetAction(parse => Execute(console, StorageArguments.Resolve(parse.GetValue(storage))));
        return command;
    }

    private static int Execute(CliConsole console, StorageUrl url)
    {
        using IExperimentStorage storage = url.OpenForReading(StorageArguments.ReadRetryBudget);
        IReadOnlyList<StoredExperimentSummary> experiments = storage.ListExperimentSummaries();
        var output = new OutputWriter(console);
        if (experiments.Count == 0)
        {
            output.Line($"No experiments in {storage.Location}.");
            return ExitCodes.Success;
        }

        string[] headers = ["name", "direction", "completed", "failed", "running", "best", "created (UTC)"];
        List<IReadOnlyList<string>> rows = experiments.Select(Row).ToList();
        output.Table(new TableData($"Experiments in {storage.Location}", headers, rows, Numbers));
        return ExitCodes.Success;
    }

    private static IReadOnlyList<string> Row(StoredExperimentSummary summary)
    {
        StoredExperiment experiment = summary.Experiment;
        string best = summary.BestScore is double score ? DisplayText.Score(score) : "-";
        return
        [
            experiment.Name,
            experiment.Direction == Direction.Maximize ? "maximize" : "minimize",
            Count(experiment, TrialState.Completed),
            Count(experiment, TrialState.Failed),
            Count(experiment, TrialState.Running),
            best,
            experiment.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ];
    }

    private static string Count(StoredExperiment experiment, TrialState state) =>
        experiment.TrialCounts.GetValueOrDefault(state).ToString(CultureInfo.InvariantCulture);
}
