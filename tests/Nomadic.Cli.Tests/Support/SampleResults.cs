using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Support;

/// <summary>A small saved result for show and export: a baseline, two completed runs, one failed run; maximize.</summary>
internal static class SampleResults
{
    public static ExperimentResult Create()
    {
        var space = new SearchSpace { ["lr"] = Tune.LogUniform(1e-4, 0.1), ["opt"] = Tune.Choice("sgd", "adam") };
        RunResult[] runs =
        [
            new RunResult(0.5, Params(0.01, "sgd")).WithTrialInfo(0, null, null, isBaseline: true),
            new RunResult(0.9, Params(0.001, "adam"), new Dictionary<string, object?> { ["epochs"] = 3 }).WithTrialInfo(1, null, null, false),
            RunResult.Failed(Params(0.1, "adam"), "CommandFailedException: the command exited with code 1; stderr: out of memory").WithTrialInfo(2, null, null, false),
            new RunResult(0.7, Params(0.0005, "sgd")).WithTrialInfo(3, null, null, false),
        ];
        return new ExperimentResult(space, runs, "demo") { Direction = Direction.Maximize };
    }

    public static string SaveJson(TemporaryDirectory folder, string name = "results.json")
    {
        string path = folder.File(name);
        Create().Save(path);
        return path;
    }

    public static string SaveJournal(TemporaryDirectory folder, string name = "journal.jsonl")
    {
        string path = folder.File(name);
        ExperimentResult result = Create();
        using ResultsJournal journal = ResultsJournal.Open(path, result.Name, result.Direction, result.HpSearchSpace);
        foreach (RunResult run in result.RunResults)
        {
            journal.Append(run);
        }

        return path;
    }

    /// <summary>Writes the sample's journal followed by a later, completed run of its failed configuration (trial 4, score 0.8), as resuming writes it.</summary>
    public static string SaveJournalWithRetriedFailure(TemporaryDirectory folder, string name = "retried.jsonl")
    {
        string path = SaveJournal(folder, name);
        ExperimentResult result = Create();
        using ResultsJournal journal = ResultsJournal.Open(path, result.Name, result.Direction, result.HpSearchSpace);
        journal.Append(new RunResult(0.8, Params(0.1, "adam")).WithTrialInfo(4, null, null, false));
        return path;
    }

    private static Dictionary<string, object?> Params(double lr, string opt) => new() { ["lr"] = lr, ["opt"] = opt };
}
