using System.CommandLine;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Results;

namespace Nomadic.Cli.Commands;

/// <summary><c>nomadic show &lt;results|name&gt;</c>: the runs of a saved result, a journal or a stored experiment, best first, with the best run and a summary.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("results-or-name") { Description = "A result file (results.json), a results journal (.jsonl), or the name of a stored experiment." };
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var top = new Option<int>("--top")
        {
            Description = "Show the N best runs (then failed ones); 0 shows every run.",
            DefaultValueFactory = _ => 10,
            HelpName = "N",
        };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--top must be 0 or more.");
            }
        });
        var command = new Command("show", "Show the runs of a stored experiment, a saved result or a journal.") { file, storage, top };
        command.SetAction(parse => Execute(console, ResultSource.Load(parse.GetValue(file)!, parse.GetValue(storage)), parse.GetValue(top)));
        return command;
    }

    private static int Execute(CliConsole console, ExperimentResult result, int top)
    {
        var stats = ResultStats.Of(result);
        var output = new OutputWriter(console);
        ResultReport.AllRuns(output, stats, top);
        output.Line();
        ResultReport.Best(output, stats);
        output.Line();
        if (ParetoReport.Front(output, result))
        {
            output.Line();
        }

        ResultReport.Summary(output, stats);
        return ExitCodes.Success;
    }
}
