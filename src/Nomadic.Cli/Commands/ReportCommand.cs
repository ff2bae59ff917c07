using Nomadic.Analysis;
using System.CommandLine;
using Nomadic.Cli.Output;
using Nomadic.Cli.Storage;
using Nomadic.Reports;
using Nomadic.Results;

namespace Nomadic.Cli.Commands;

/// <summary>
/// <c>nomadic report &lt;results|name&gt; [-o report.html] [--plots-dir DIR]</c>: a self-contained HTML report of a saved
/// result, a journal or a stored experiment, and optionally every plot as PNG and SVG.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("results-or-name") { Description = "A result file (results.json), a results journal (.jsonl), or the name of a stored experiment." };
        Option<string?> storage = StorageArguments.Storage("nomadic.db in the current folder");
        var output = new Option<string>("--output", "-o")
        {
            Description = "The HTML file to write.",
            DefaultValueFactory = _ => "report.html",
            HelpName = "FILE",
        };
        var plotsDir = new Option<string?>("--plots-dir") { Description = "Also write every plot as PNG and SVG into this folder.", HelpName = "DIR" };
        var command = new Command("report", "Write an HTML report (summary, best run vs baseline, plots, sortable table of runs) of a stored experiment, a saved result or a journal.")
        {
            file, storage, output, plotsDir,
        };
        command.SetAction(parse => Execute(console, ResultSource.Load(parse.GetValue(file)!, parse.GetValue(storage)), parse.GetValue(output)!, parse.GetValue(plotsDir)));
        return command;
    }

    private static int Execute(CliConsole console, ExperimentResult result, string output, string? plotsDir)
    {
        result.ToHtmlReport(output);
        console.Out.WriteLine($"Wrote the report of {DisplayText.Runs(result.Count)} to {output}");
        if (plotsDir is not null)
        {
            Directory.CreateDirectory(plotsDir);
            IReadOnlyList<PlotImage> plots = result.PlotAll(Importance(result));
            foreach (PlotImage plot in plots)
            {
                plot.Save(Path.Combine(plotsDir, plot.Name + ".png"));
                plot.Save(Path.Combine(plotsDir, plot.Name + ".svg"));
            }

            console.Out.WriteLine($"Wrote {plots.Count} plots as PNG and SVG to {plotsDir}");
        }

        return ExitCodes.Success;
    }

    private static Dictionary<string, double>? Importance(ExperimentResult result) =>
        result.RunResults.Count(r => r.HasUsableScore) >= 8 && result.HpSearchSpace.Count >= 2
            ? result.ParameterImportances().ToDictionary(p => p.Name, p => p.Importance, StringComparer.Ordinal)
            : null;
}
