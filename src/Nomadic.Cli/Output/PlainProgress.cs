using Nomadic.Results;

namespace Nomadic.Cli.Output;

/// <summary>Progress for logs and pipes: one line per finished run, e.g. <c>run 3/20  #2  score=0.8123  best=0.9012  lr=0.01 ...</c>.</summary>
internal static class PlainProgress
{
    public static Action<RunResult, RunTally> To(OutputWriter output) => (run, tally) => output.Line(Describe(run, tally));

    public static string Describe(RunResult run, RunTally tally)
    {
        string outcome = run.Status switch
        {
            RunStatus.Completed => $"score={DisplayText.Score(run.Score)}  best={(tally.Best is double b ? DisplayText.Score(b) : "-")}",
            RunStatus.Pruned when run.IntermediateValues.Count > 0 => $"PRUNED at step {run.IntermediateValues[^1].Step} (value {DisplayText.Score(run.IntermediateValues[^1].Value)})",
            _ => $"{DisplayText.Status(run.Status).ToUpperInvariant()} ({DisplayText.Shorten(run.Error, 300)})",
        };
        string baseline = run.IsBaseline ? "  (baseline)" : "";
        return $"run {tally.Counter}  #{run.TrialNumber}  {outcome}{baseline}  {DisplayText.Params(run.Params)}";
    }
}
