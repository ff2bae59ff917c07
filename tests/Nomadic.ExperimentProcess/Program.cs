using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;
using Nomadic.Tuning;

// Usage: Nomadic.ExperimentProcess <journal> <runs> [--storage <sqlite file>] [--hold]
// Creates an experiment over x = 0 .. runs-1 (grid, score x) with the journal and, when given, the storage; writes
// "open"; with --hold waits for a line on standard input; runs it and writes "done <runs in the result>". A journal
// it may not open: the message on standard error and exit code 3.
string journal = args[0];
int runs = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
int storageAt = Array.IndexOf(args, "--storage");
using IExperimentStorage? storage = storageAt > 0 ? new SqliteExperimentStorage(args[storageAt + 1]) : null;
var space = new SearchSpace { ["x"] = Tune.RandInt(0, runs) };
var options = new ExperimentOptions { Name = "shared", JournalPath = journal, Storage = storage, Tuner = new GridTuner(), MaxConcurrentTrials = 2 };
Experiment experiment;
try
{
    experiment = new Experiment(space, p => (int)p["x"]!, options);
}
catch (IOException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

using (experiment)
{
    Console.WriteLine("open");
    if (args.Contains("--hold"))
    {
        Console.ReadLine();
    }

    ExperimentResult result = await experiment.RunAsync().ConfigureAwait(false);
    Console.WriteLine($"done {result.Count}");
}

return 0;
