using Nomadic.Experiments;
using Nomadic.Results;
using Spectre.Console;

namespace Nomadic.Cli.Output;

/// <summary>Progress on a terminal: a Spectre.Console progress bar with the best score so far, while the experiment runs.</summary>
internal static class LiveProgress
{
    public static Task<ExperimentResult> RunAsync(IAnsiConsole console, Experiment experiment, RunTracker tracker, RunTally start, CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                string name = Markup.Escape(experiment.Options.Name ?? "experiment");
                ProgressTask task = context.AddTask(Describe(name, start), maxValue: start.Expected ?? 1);
                task.IsIndeterminate = start.Expected is null;
                task.Value = start.Finished;
                tracker.Display = (_, tally) =>
                {
                    task.Value = tally.Finished;
                    task.Description = Describe(name, tally);
                };
                try
                {
                    return await experiment.RunAsync(cancellationToken);
                }
                finally
                {
                    tracker.Display = null;
                    if (task.IsIndeterminate)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = Math.Max(task.Value, 1);
                    }

                    task.StopTask();
                }
            });

    private static string Describe(string name, RunTally tally)
    {
        string best = tally.Best is double b ? $" best [green]{DisplayText.Score(b)}[/]" : "";
        string failed = tally.Failed > 0 ? $" [red]{tally.Failed} failed[/]" : "";
        return $"{name} {tally.Counter}{best}{failed}";
    }
}
