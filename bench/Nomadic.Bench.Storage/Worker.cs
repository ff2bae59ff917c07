using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Nomadic.Experiments;
using Nomadic.Storage;

namespace Nomadic.Bench;

/// <summary>
/// One worker process of a multi-process measurement (the hidden <c>worker</c> command). It warms up on a storage of its
/// own, opens the measured storage and joins the experiment, prints <c>READY {json}</c>, waits for a <c>go</c> line on
/// standard input, runs the experiment with the shared budget and prints <c>RESULT {json}</c>. Timestamps are Stopwatch
/// ticks, which every process on the machine reads from the same monotonic clock.
/// </summary>
internal static class Worker
{
    public const string Command = "worker";
    public const string Ready = "READY ";
    public const string Result = "RESULT ";

    /// <summary>Passes of the warm-up, the runs of each, and the pause after each (for the runtime's background recompilation).</summary>
    public const int WarmUpPasses = 4;
    public const int WarmUpRuns = 100;
    public const int WarmUpPauseMs = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        long entry = Stopwatch.GetTimestamp();
        Dictionary<string, string> values = ParseArguments(args);
        Engine engine = Engines.Parse(values["--engine"]);
        string location = values["--location"];
        string name = values["--name"];
        int n = int.Parse(values["--n"], CultureInfo.InvariantCulture);
        int seed = int.Parse(values["--seed"], CultureInfo.InvariantCulture);

        await WarmUpAsync(engine, values["--warmup"], $"{name}-warmup-{Environment.ProcessId}", seed).ConfigureAwait(false);
        long warmedUp = Stopwatch.GetTimestamp();

        using IExperimentStorage storage = Engines.Open(engine, location);
        var stamps = new RunStamps(n);
        Experiment experiment = X2Run.Create(storage, name, n, seed, stamps);
        long opened = Stopwatch.GetTimestamp();
        Send(Ready, new JsonObject { ["entry"] = entry, ["warmed_up"] = warmedUp, ["opened"] = opened });

        if (await Console.In.ReadLineAsync().ConfigureAwait(false) != "go")
        {
            return 3;
        }

        RunTimes times = await X2Run.RunAsync(experiment, stamps).ConfigureAwait(false);
        Send(Result, new JsonObject
        {
            ["own_runs"] = times.OwnRuns,
            ["total_runs"] = times.TotalRuns,
            ["start"] = times.Start,
            ["end"] = times.End,
            ["first_run"] = times.FirstRun,
            ["last_run"] = times.LastRun,
            ["head10_us"] = Json.Number(times.Head10Us),
            ["tail10_us"] = Json.Number(times.Tail10Us),
            ["best"] = Json.Number(times.Best),
        });
        return 0;
    }

    /// <summary>The warm-up of every measuring process: passes of a small experiment on a storage apart from the measured one.</summary>
    public static async Task WarmUpAsync(Engine engine, string location, string name, int seed)
    {
        for (int pass = 0; pass < WarmUpPasses; pass++)
        {
            await X2Run.WarmUpAsync(engine, location, $"{name}-{pass}", WarmUpRuns, seed + pass).ConfigureAwait(false);
            if (engine == Engine.Sqlite)
            {
                Engines.DeleteSqlite(location);
            }

            Thread.Sleep(WarmUpPauseMs);
        }
    }

    /// <summary>The arguments of a worker.</summary>
    public static IEnumerable<string> Arguments(Engine engine, string location, string warmUp, string name, int n, int seed) =>
        [Command, "--engine", Engines.Name(engine), "--location", location, "--warmup", warmUp, "--name", name,
            "--n", n.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture)];

    private static void Send(string prefix, JsonObject json)
    {
        Console.Out.WriteLine(prefix + json.ToJsonString());
        Console.Out.Flush();
    }

    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        foreach (string required in new[] { "--engine", "--location", "--warmup", "--name", "--n", "--seed" })
        {
            if (!values.ContainsKey(required))
            {
                throw new ArgumentException($"worker: {required} is missing.");
            }
        }

        return values;
    }
}
