using System.CommandLine;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Storage;

namespace Nomadic.Cli.Commands;

/// <summary><c>nomadic rm &lt;name&gt; [--yes]</c>: deletes a stored experiment and all its runs, after confirmation.</summary>
internal static class RemoveCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("experiment-name") { Description = "The stored experiment to delete." };
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var yes = new Option<bool>("--yes", "-y") { Description = "Delete without asking (required when standard input is not a terminal)." };
        var command = new Command("rm", "Delete a stored experiment and all its runs.") { name, storage, yes };
        command.SetAction(parse => Execute(console, parse.GetValue(name)!, StorageArguments.Resolve(parse.GetValue(storage)), parse.GetValue(yes)));
        return command;
    }

    private static int Execute(CliConsole console, string name, StorageUrl url, bool yes)
    {
        // Looking the experiment up read-only first leaves the file untouched when there is nothing to delete.
        string what;
        using (IExperimentStorage reading = url.OpenForReading(StorageArguments.ReadRetryBudget))
        {
            StoredExperiment experiment = ExperimentLookup.Find(reading, name);
            int runs = experiment.TrialCounts.Where(c => c.Key != TrialState.Abandoned).Sum(c => c.Value);
            what = $"experiment '{name}' and its {DisplayText.Runs(runs)} from {reading.Location}";
        }

        var output = new OutputWriter(console);
        if (!yes)
        {
            if (console.Prompt is null)
            {
                throw new InputException($"not deleting {what} without confirmation: standard input is not a terminal; pass --yes");
            }

            output.Line($"Delete {what}? [y/N]");
            string answer = console.Prompt.ReadLine()?.Trim() ?? "";
            if (!answer.Equals("y", StringComparison.OrdinalIgnoreCase) && !answer.Equals("yes", StringComparison.OrdinalIgnoreCase))
            {
                output.Line("Nothing deleted.");
                return ExitCodes.Success;
            }
        }

        using IExperimentStorage storage = url.OpenExisting(StorageArguments.ReadRetryBudget);
        if (!storage.DeleteExperiment(name))
        {
            throw ExperimentLookup.Unknown(storage, name);
        }

        output.Line($"Deleted {what}.");
        return ExitCodes.Success;
    }
}
