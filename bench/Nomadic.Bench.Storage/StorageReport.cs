using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Nomadic's and Optuna's throughput for one engine and process count.</summary>
internal sealed record ThroughputComparison(RowView Nomadic, RowView Optuna)
{
    public double RatioMedian => Nomadic.RunsPerSecond.Median / Optuna.RunsPerSecond.Median;

    public double RatioBest => Nomadic.RunsPerSecond.Max / Optuna.RunsPerSecond.Max;

    /// <summary>The ratio of medians with the clock stopped at the last run written instead of the last exit.</summary>
    public double WritesRatioMedian => (Nomadic.Stat("writes_per_s")?.Median ?? double.NaN) / (Optuna.Stat("writes_per_s")?.Median ?? double.NaN);

    public JsonObject ToJson() => new()
    {
        ["engine"] = Nomadic.Engine,
        ["mode"] = Nomadic.Mode,
        ["processes"] = Nomadic.Processes,
        ["nomadic_n"] = Nomadic.N,
        ["optuna_n"] = Optuna.N,
        ["nomadic_runs_per_s"] = Nomadic.RunsPerSecond.ToJson(),
        ["optuna_trials_per_s"] = Optuna.RunsPerSecond.ToJson(),
        ["ratio_median"] = Json.Number(RatioMedian),
        ["ratio_best"] = Json.Number(RatioBest),
        ["ratio_median_to_last_run_written"] = Json.Number(WritesRatioMedian),
        ["both_valid"] = Nomadic.Valid && Optuna.Valid,
    };
}

/// <summary>Pairs the two sides, checks the targets and renders the tables.</summary>
internal static class StorageReport
{
    public const double SqliteTarget = 20.0;
    public const double ScalingStep = 1.10;

    public static List<ThroughputComparison> Compare(IReadOnlyList<RowView> nomadic, IReadOnlyList<RowView> optuna) =>
        [.. nomadic.Select(n => (n, o: optuna.FirstOrDefault(o => o.Key == n.Key))).Where(p => p.o is not null).Select(p => new ThroughputComparison(p.n, p.o!))];

    /// <summary>Runs/s with k processes over runs/s with one process (both in worker processes), by k.</summary>
    public static SortedDictionary<int, double> Speedups(IReadOnlyList<RowView> rows, string engine, string field = "runs_per_s")
    {
        RowView[] processes = [.. rows.Where(r => r.Engine == engine && !r.InProcess)];
        RowView? one = processes.FirstOrDefault(r => r.Processes == 1);
        var speedups = new SortedDictionary<int, double>();
        foreach (RowView row in processes)
        {
            speedups[row.Processes] = one is null ? double.NaN : (row.Stat(field)?.Median ?? double.NaN) / (one.Stat(field)?.Median ?? double.NaN);
        }

        return speedups;
    }

    public static JsonObject Verdict(IReadOnlyList<RowView> nomadic, IReadOnlyList<RowView> optuna, IReadOnlyList<ThroughputComparison> comparisons, int cores)
    {
        var verdict = new JsonObject();
        ThroughputComparison[] sqlite = [.. comparisons.Where(c => c.Nomadic.Engine == "sqlite")];
        ThroughputComparison? worst = sqlite.MinBy(c => c.RatioMedian);
        verdict["sqlite"] = new JsonObject
        {
            ["target"] = $"at least {SqliteTarget:F0}x Optuna's trials/s on SQLite (ratio of medians, in process and with every process count)",
            ["met"] = worst is null ? null : sqlite.All(c => c.RatioMedian >= SqliteTarget && c.Nomadic.Valid),
            ["worst_ratio_median"] = worst is null ? null : Json.Number(worst.RatioMedian),
            ["worst_at"] = worst?.Nomadic.Label,
            ["ratios_median"] = new JsonObject([.. sqlite.Select(c => KeyValuePair.Create(c.Nomadic.Label, Json.Number(c.RatioMedian)))]),
            ["ratios_median_to_last_run_written"] = new JsonObject([.. sqlite.Select(c => KeyValuePair.Create(c.Nomadic.Label, Json.Number(c.WritesRatioMedian)))]),
        };

        SortedDictionary<int, double> speedups = Speedups(nomadic, "postgres");
        int[] upToCores = [.. speedups.Keys.Where(k => k <= cores)];
        bool? grows = upToCores.Length < 2 ? null : upToCores.Zip(upToCores.Skip(1)).All(p => speedups[p.Second] / speedups[p.First] >= ScalingStep);
        verdict["postgres_scaling"] = new JsonObject
        {
            ["target"] = $"runs/s grows with worker processes up to the core count ({cores}): each step up to it adds at least {(ScalingStep - 1) * 100:F0}% (ratio of medians)",
            ["cores"] = cores,
            ["met"] = grows,
            ["speedup_vs_1_process"] = SpeedupJson(speedups),
            ["speedup_vs_1_process_to_last_run_written"] = SpeedupJson(Speedups(nomadic, "postgres", "writes_per_s")),
            ["optuna_speedup_vs_1_process"] = SpeedupJson(Speedups(optuna, "postgres")),
            ["peak_processes"] = speedups.Count == 0 ? null : speedups.MaxBy(p => p.Value).Key,
        };
        return verdict;
    }

    public static string Markdown(JsonObject machine, JsonObject? postgres, IReadOnlyList<RowView> nomadic, IReadOnlyList<RowView> optuna, IReadOnlyList<ThroughputComparison> comparisons, JsonObject verdict, string optunaLabel, JsonArray? nomadicRounds, JsonArray? optunaRounds)
    {
        var md = new StringBuilder();
        string date = ((string?)machine["date_utc"] ?? "")[..Math.Min(10, ((string?)machine["date_utc"] ?? "").Length)];
        md.AppendLine(CultureInfo.InvariantCulture, $"# Storage throughput ({date})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{machine["cores"]} cores, {machine["cpu_model"]}, {machine["os"]}, {machine["dotnet"]}; Optuna {optunaLabel}.");
        if (postgres is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL {postgres["server_version"]} ({postgres["server"]}; fsync {postgres["fsync"]}, synchronous_commit {postgres["synchronous_commit"]}).");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"Other processes' share of the CPUs during the rounds (machine busy time minus ours): Nomadic side {RoundShares(nomadicRounds)}; Optuna side {RoundShares(optunaRounds)}.");
        md.AppendLine();
        if (comparisons.Count > 0)
        {
            md.AppendLine("**Runs written per second, random search on x2, versus Optuna's RDB storage (trials/s)**");
            md.AppendLine();
            md.AppendLine("| engine | processes | Nomadic n | Nomadic runs/s median | best | Optuna n | Optuna trials/s median | best | ratio of medians | ratio of bests | ratio of medians, clock stopped at the last run written |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (ThroughputComparison c in comparisons)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Nomadic.Engine}{Invalid(c.Nomadic, c.Optuna)} | {c.Nomadic.Label} | {Fmt.Int(c.Nomadic.N)} | {Rate(c.Nomadic.RunsPerSecond.Median)} | {Rate(c.Nomadic.RunsPerSecond.Max)} | {Fmt.Int(c.Optuna.N)} | {Rate(c.Optuna.RunsPerSecond.Median)} | {Rate(c.Optuna.RunsPerSecond.Max)} | {Fmt.Ratio(c.RatioMedian)} | {Fmt.Ratio(c.RatioBest)} | {Fmt.Ratio(c.WritesRatioMedian)} |");
            }

            md.AppendLine();
        }

        AppendScaling(md, nomadic, optuna);
        AppendVerdict(md, verdict);
        AppendDetails(md, "Nomadic", nomadic, "runs");
        if (optuna.Count > 0)
        {
            AppendDetails(md, "Optuna", optuna, "trials");
        }

        return md.ToString();
    }

    private static void AppendScaling(StringBuilder md, IReadOnlyList<RowView> nomadic, IReadOnlyList<RowView> optuna)
    {
        md.AppendLine("**Scaling with worker processes (median runs/s; speed-up over 1 worker process)**");
        md.AppendLine();
        md.AppendLine("| engine | processes | Nomadic runs/s | Nomadic speed-up | Optuna trials/s | Optuna speed-up |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (string engine in nomadic.Select(r => r.Engine).Distinct())
        {
            SortedDictionary<int, double> ours = Speedups(nomadic, engine), theirs = Speedups(optuna, engine);
            foreach (int k in ours.Keys)
            {
                RowView row = nomadic.First(r => r.Engine == engine && !r.InProcess && r.Processes == k);
                RowView? other = optuna.FirstOrDefault(r => r.Engine == engine && !r.InProcess && r.Processes == k);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {engine} | {k} | {Rate(row.RunsPerSecond.Median)} | {Fmt.F(ours[k], 2)}x | {(other is null ? "n/a" : Rate(other.RunsPerSecond.Median))} | {(theirs.TryGetValue(k, out double s) ? Fmt.F(s, 2) + "x" : "n/a")} |");
            }
        }

        md.AppendLine();
    }

    private static void AppendVerdict(StringBuilder md, JsonObject verdict)
    {
        JsonNode? sqlite = verdict["sqlite"];
        JsonNode? scaling = verdict["postgres_scaling"];
        string worst = sqlite?["worst_at"] is JsonNode at ? $"; worst ratio of medians {Fmt.Ratio((double?)sqlite?["worst_ratio_median"] ?? double.NaN)} (processes: {at})" : "";
        md.AppendLine(CultureInfo.InvariantCulture, $"* SQLite target ({sqlite?["target"]}): **{Met(sqlite?["met"])}**{worst}.");
        if (scaling?["speedup_vs_1_process"] is JsonObject speedups && speedups.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"* PostgreSQL scaling ({scaling["target"]}): **{Met(scaling["met"])}**; speed-up over 1 process: {string.Join(", ", speedups.Select(p => $"{p.Key}: {Fmt.F((double?)p.Value ?? double.NaN, 2)}x"))}; peak at {scaling["peak_processes"]} processes.");
        }

        md.AppendLine();
    }

    private static void AppendDetails(StringBuilder md, string side, IReadOnlyList<RowView> rows, string unit)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"**{side}: every configuration ({unit}/s min / median / max over the repeats; times in ms, µs per {unit[..^1]})**");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| engine | processes | n | repeats | {unit}/s min | median | max | to last {unit[..^1]} written, {unit}/s median | open ms median | first-10% µs/{unit[..^1]} | last-10% µs/{unit[..^1]} |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (RowView r in rows)
        {
            Stats rate = r.RunsPerSecond;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Engine}{Invalid(r)} | {r.Label} | {Fmt.Int(r.N)} | {r.Repeats} | {Rate(rate.Min)} | {Rate(rate.Median)} | {Rate(rate.Max)} | {Rate(r.Stat("writes_per_s")?.Median ?? double.NaN)} | {Fmt.G(r.Stat("open_ms")?.Median ?? double.NaN)} | {Fmt.G(r.Stat("head10_per_run_us")?.Median ?? double.NaN)} | {Fmt.G(r.Stat("tail10_per_run_us")?.Median ?? double.NaN)} |");
        }

        md.AppendLine();
        RowView[] processes = [.. rows.Where(r => !r.InProcess)];
        if (processes.Length == 0)
        {
            return;
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"**{side}: worker processes, slowest process of each repeat, median over the repeats (ms; startup is not in the {unit}/s)**");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| engine | processes | runtime start | warm-up | open | spawn to ready | start signal to running | waiting after its own last {unit[..^1]} | exit after the run | {unit} per process |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (RowView r in processes)
        {
            string Ms(string field) => Fmt.G(r.Stat("per_process_slowest_ms", field)?.Median ?? double.NaN);
            string range = r.OwnRunsRange() is (int min, int max) ? min == max ? Fmt.Int(min) : $"{Fmt.Int(min)}-{Fmt.Int(max)}" : "n/a";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Engine} | {r.Processes} | {Ms("runtime_start")} | {Ms("warm_up")} | {Ms("open")} | {Ms("spawn_to_ready")} | {Ms("go_latency")} | {Ms("wait_after_own_last_run")} | {Ms("exit_after_run")} | {range} |");
        }

        md.AppendLine();
    }

    /// <summary>The table of where a run's time goes, from <see cref="StorageCallTimes"/>.</summary>
    public static string CallsMarkdown(JsonArray calls)
    {
        if (calls.Count == 0)
        {
            return "";
        }

        string[] names = ["ReadTrials", "TryClaim", "FinishTrial", "ExpireLeases", "RenewLeases"];
        var md = new StringBuilder();
        md.AppendLine("**Nomadic: where a run's time goes** (one more experiment in this process, every storage call timed; µs per run, and per call in brackets)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| engine | n | runs/s | µs/run | {string.Join(" | ", names)} | outside the storage | bytes written per run |");
        md.AppendLine(CultureInfo.InvariantCulture, $"|---|---|---|---|{string.Concat(names.Select(_ => "---|"))}---|---|");
        foreach (JsonNode? node in calls)
        {
            string Call(string name) => node?["storage_calls"]?[name] is JsonNode c
                ? $"{Fmt.G((double?)c["us_per_run"] ?? double.NaN)} ({Fmt.G((double?)c["us_per_call"] ?? double.NaN)} x {Fmt.Int((int?)c["calls"] ?? 0)})"
                : "-";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {node?["engine"]} | {Fmt.Int((int?)node?["n"] ?? 0)} | {Rate((double?)node?["runs_per_s"] ?? double.NaN)} | {Fmt.G((double?)node?["us_per_run"] ?? double.NaN)} | {string.Join(" | ", names.Select(Call))} | {Fmt.G((double?)node?["outside_storage_us_per_run"] ?? double.NaN)} | {((double?)node?["bytes_written_per_run"] is double bytes ? Fmt.Int((long)Math.Round(bytes)) : "-")} |");
        }

        md.AppendLine();
        return md.ToString();
    }

    private static string RoundShares(JsonArray? rounds)
    {
        double[] shares = [.. (rounds ?? []).Select(r => (double?)r?["others_cpu_busy_share_during"]).OfType<double>()];
        return shares.Length == 0
            ? "n/a"
            : string.Join(", ", shares.Select(v => v.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal))) + " (one per round)";
    }

    private static JsonObject SpeedupJson(SortedDictionary<int, double> speedups) =>
        new([.. speedups.Select(p => KeyValuePair.Create(p.Key.ToString(CultureInfo.InvariantCulture), Json.Number(p.Value)))]);

    private static string Met(JsonNode? met) => met is null ? "not measured" : (bool)met ? "met" : "not met";

    private static string Invalid(params RowView[] rows) => rows.All(r => r.Valid) ? "" : " (INVALID: see the problems in the JSON)";

    /// <summary>Runs per second: whole numbers with separators from 1,000, four significant digits below.</summary>
    private static string Rate(double value) => !double.IsFinite(value) ? "n/a" : value >= 1_000 ? Fmt.Int((long)Math.Round(value)) : Fmt.G(value);
}
