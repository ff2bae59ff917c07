using System.Diagnostics;
using System.Text.Json.Nodes;
using Nomadic.Experiments;
using Nomadic.Results;

namespace Nomadic.Bench;

/// <summary>One suggestion-speed measurement: a tuner on a space with a history of finished runs.</summary>
internal sealed record SpeedRow(string Space, string Tuner, string Actual, int History, Stats SuggestMs, double MeanMs, double TailMs, double HistorySeconds)
{
    public JsonObject ToJson() => new()
    {
        ["space"] = Space,
        ["tuner"] = Tuner,
        ["tuner_used"] = Actual,
        ["finished_runs"] = History,
        ["suggest_ms"] = SuggestMs.ToJson(),
        ["suggest_mean_ms"] = Json.Number(MeanMs),
        ["tail10_ms_per_run"] = Json.Number(TailMs),
        ["history_wall_s"] = Json.Number(HistorySeconds),
    };
}

/// <summary>
/// Times <c>Suggest</c> once an experiment has <c>history</c> finished runs: runs the experiment to that many runs,
/// then times each of the next suggestions (and the mean time per run over the last tenth of the history).
/// </summary>
internal static class SuggestSpeed
{
    public static async Task<SpeedRow> MeasureAsync(SuiteFunction space, string tuner, int history, int measured, TextWriter log)
    {
        (Func<Nomadic.Tuning.ITuner> create, string actual) = QualityTuners.GetOrStandIn(tuner, "tpe");
        var timed = new TimedTuner(create());
        var stamps = new RunStamps();
        var options = new ExperimentOptions
        {
            Direction = Direction.Minimize,
            Tuner = timed,
            NumSamples = history + measured,
            Seed = 0,
            Progress = stamps,
        };
        long start = Stopwatch.GetTimestamp();
        using var experiment = new Experiment(space.CreateSpace(), space.Formula.Evaluate, options);
        await experiment.RunAsync().ConfigureAwait(false);
        double historySeconds = Stopwatch.GetElapsedTime(start, stamps.Stamps[history - 1]).TotalSeconds;
        double[] times = [.. timed.Calls.Where(c => c.Finished >= history).Select(c => c.Ms)];
        var row = new SpeedRow(space.Name, tuner, actual, history, Stats.Of(times), times.Average(), stamps.TailMs(history), historySeconds);
        Stats suggest = row.SuggestMs;
        log.WriteLine($"  {tuner}{(actual == tuner ? "" : $" (stand-in: {actual})")} on {space.Name}, {history:N0} finished runs: Suggest median {Fmt.G(suggest.Median)} ms over {suggest.Count}; last 10% of the history {Fmt.G(row.TailMs)} ms/run ({Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s)");
        return row;
    }
}
