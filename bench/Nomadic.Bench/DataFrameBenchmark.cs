using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>One measured <see cref="ExperimentResult.ToDataFrame"/> size.</summary>
internal sealed record DataFrameRow(string Space, int Rows, int Columns, IReadOnlyList<double> Milliseconds)
{
    public Stats Ms => Stats.Of(Milliseconds);

    public double PerRowUs(double ms) => ms * 1e3 / Rows;

    public JsonObject ToJson() => new()
    {
        ["space"] = Space,
        ["rows"] = Rows,
        ["shape"] = new JsonArray(Rows, Columns),
        ["calls"] = Milliseconds.Count,
        ["ms"] = Ms.ToJson(),
        ["per_row_us_min"] = Json.Number(PerRowUs(Ms.Min)),
        ["per_row_us_median"] = Json.Number(PerRowUs(Ms.Median)),
        ["raw_ms"] = Json.Array(Milliseconds),
    };
}

/// <summary><see cref="ExperimentResult.ToDataFrame"/> on results built from many finished runs.</summary>
internal static class DataFrameBenchmark
{
    public static List<DataFrameRow> Run(int[] sizes, int repeats, TextWriter log)
    {
        var results = new List<(string Space, ExperimentResult Result)>();
        foreach (int size in sizes)
        {
            foreach (Workload workload in Workloads.Random)
            {
                results.Add((workload.Name, Build(workload, size, seed: 7)));
            }
        }

        // Warm-up: two discarded calls each.
        foreach ((_, ExperimentResult result) in results)
        {
            result.ToDataFrame();
            result.ToDataFrame();
        }

        var times = results.Select(_ => new List<double>()).ToArray();
        var columns = new int[results.Count];
        for (int rep = 0; rep < repeats; rep++)
        {
            for (int i = 0; i < results.Count; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                long t0 = Stopwatch.GetTimestamp();
                DataFrame frame = results[i].Result.ToDataFrame();
                times[i].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (frame.Rows.Count != results[i].Result.Count)
                {
                    throw new InvalidOperationException($"ToDataFrame returned {frame.Rows.Count} rows for {results[i].Result.Count} runs.");
                }

                columns[i] = frame.Columns.Count;
            }

            log.Write(".");
        }

        log.WriteLine();
        return [.. results.Select((r, i) => new DataFrameRow(r.Space, r.Result.Count, columns[i], times[i]))];
    }

    /// <summary>A result of <paramref name="size"/> completed runs sampled from the workload's space, numbered and timed like an experiment's.</summary>
    private static ExperimentResult Build(Workload workload, int size, int seed)
    {
        SearchSpace space = workload.CreateSpace();
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var runs = new RunResult[size];
        for (int i = 0; i < size; i++)
        {
            var parameters = new Dictionary<string, object?>(space.Count, StringComparer.Ordinal);
            foreach (KeyValuePair<string, Domain> pair in space)
            {
                parameters[pair.Key] = pair.Value.Sample(random);
            }

            runs[i] = new RunResult(workload.Objective(parameters), parameters)
            {
                TrialNumber = i,
                StartedAt = start.AddMilliseconds(i),
                Duration = TimeSpan.FromMicroseconds(1),
            };
        }

        return new ExperimentResult(space, runs, workload.Name) { Direction = Direction.Minimize };
    }
}
