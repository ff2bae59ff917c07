using System.CommandLine;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Results;

namespace Nomadic.Cli.Commands;

/// <summary><c>nomadic export &lt;results|name&gt; --format csv|json [-o FILE]</c>: the runs of a saved result or a stored experiment in the library's CSV or JSON form.</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("results-or-name") { Description = "A result file (results.json), a results journal (.jsonl), or the name of a stored experiment." };
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var format = new Option<string>("--format", "-f")
        {
            Description = "csv: one row per run, columns score, param_<name>, run_result_metadata_<key>, then trial_number, status, error, started_at, duration_seconds (lists and dictionaries as JSON); json: the full result.",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "json");
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("export", "Export the runs of a stored experiment, a saved result or a journal as CSV or JSON.") { file, storage, format, outputFile };
        command.SetAction(parse => Execute(console, ResultSource.Load(parse.GetValue(file)!, parse.GetValue(storage)), parse.GetValue(format)!, parse.GetValue(outputFile)));
        return command;
    }

    private static int Execute(CliConsole console, ExperimentResult result, string format, string? outputFile)
    {
        if (outputFile is null)
        {
            var output = new OutputWriter(console with { IsTerminal = false });
            if (format == "json")
            {
                output.Json(result);
            }
            else
            {
                output.Csv(result);
            }

            return ExitCodes.Success;
        }

        ResultFiles.CreateFolder(outputFile);
        if (format == "json")
        {
            result.Save(outputFile);
        }
        else
        {
            result.SaveCsv(outputFile);
        }

        console.Out.WriteLine($"Wrote {DisplayText.Runs(result.Count)} to {outputFile}");
        return ExitCodes.Success;
    }
}
