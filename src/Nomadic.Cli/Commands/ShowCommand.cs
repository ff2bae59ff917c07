using System.CommandLine;
using Nomadic.Cli.Output;

namespace Nomadic.Cli.Commands;

/// <summary><c>nomadic show &lt;results&gt;</c>: the runs of a saved result or journal, best first, with the best run and a summary.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("results") { Description = "A result file (results.json) or a results journal (.jsonl)." };
        var top = new Option<int>("--top")
        {
            Description = "Show the N best runs (then failed ones); 0 shows every run.",
            DefaultValueFactory = _ => 10,
        };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--top must be 0 or more.");
            }
        });
        var command = new Command("show", "Show the runs of a saved experiment result or journal.") { file, top };
        command.SetAction(parse => Execute(console, parse.GetValue(file)!, parse.GetValue(top)));
        return command;
    }

    private static int Execute(CliConsole console, string path, int top)
    {
        var stats = ResultStats.Of(ResultFiles.Load(path));
        var output = new OutputWriter(console);
        ResultReport.AllRuns(output, stats, top);
        output.Line();
        ResultReport.Best(output, stats);
        output.Line();
        ResultReport.Summary(output, stats);
        return ExitCodes.Success;
    }
}
