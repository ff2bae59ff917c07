using System.Text;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Nomadic's and Optuna's per-trial overhead for one space and size.</summary>
internal sealed record Comparison(string Space, int NomadicN, int OptunaN, Stats NomadicMs, Stats OptunaMs, double NomadicTailMs, double OptunaTailMs)
{
    public double RatioMin => OptunaMs.Min / NomadicMs.Min;

    public double RatioMedian => OptunaMs.Median / NomadicMs.Median;

    public double RatioTail => OptunaTailMs / NomadicTailMs;

    public string Sizes => NomadicN == OptunaN ? Fmt.Int(NomadicN) : $"{Fmt.Int(NomadicN)} vs {Fmt.Int(OptunaN)}";

    public JsonObject ToJson() => new()
    {
        ["space"] = Space,
        ["sampler"] = "random",
        ["storage"] = "memory",
        ["nomadic_n"] = NomadicN,
        ["optuna_n"] = OptunaN,
        ["sizes"] = NomadicN == OptunaN ? "same n" : $"nearest sizes: Nomadic n={NomadicN}, Optuna n={OptunaN}",
        ["nomadic_ms_per_trial"] = NomadicMs.ToJson(),
        ["optuna_ms_per_trial"] = OptunaMs.ToJson(),
        ["nomadic_tail10_ms_per_trial_median"] = Json.Number(NomadicTailMs),
        ["optuna_tail10_ms_per_trial_median"] = Json.Number(OptunaTailMs),
        ["ratio_min"] = Json.Number(RatioMin),
        ["ratio_median"] = Json.Number(RatioMedian),
        ["ratio_tail10_median"] = Json.Number(RatioTail),
    };
}

/// <summary>Pairs the measurements with the baseline and renders the tables.</summary>
internal static class Report
{
    public const double Target = 100.0;

    public static List<Comparison> Compare(IReadOnlyList<OverheadRow> rows, IReadOnlyList<OptunaRow> optuna)
    {
        var comparisons = new List<Comparison>();
        foreach (OverheadRow row in rows.Where(r => r.Config is { Tuner: "random", StorageKind: StorageKind.Memory, Driver: Driver.RunAsync }))
        {
            int n = row.Config.N;
            OptunaRow? nearest = optuna
                .Where(o => o.Space == row.Config.Workload.Name && o.Sampler == "random" && o.Storage == "memory")
                .OrderBy(o => Math.Abs(Math.Log((double)o.N / n)))
                .ThenByDescending(o => o.N)
                .FirstOrDefault();
            if (nearest is null || Math.Max(nearest.N, n) > 2 * Math.Min(nearest.N, n))
            {
                continue;
            }

            Stats ms = new(row.PerTrialUs.Min / 1e3, row.PerTrialUs.Median / 1e3, row.PerTrialUs.Max / 1e3, row.PerTrialUs.Count);
            comparisons.Add(new Comparison(row.Config.Workload.Name, n, nearest.N, ms, nearest.PerTrialMs, row.Tail10Us.Median / 1e3, nearest.Tail10Ms.Median));
        }

        return comparisons;
    }

    public static JsonObject Verdict(IReadOnlyList<Comparison> comparisons)
    {
        if (comparisons.Count == 0)
        {
            return new JsonObject { ["target"] = $"at least {Target:F0}x less overhead per trial than Optuna's in-memory random search", ["met"] = null };
        }

        Comparison worstMedian = comparisons.MinBy(c => c.RatioMedian)!;
        Comparison worstMin = comparisons.MinBy(c => c.RatioMin)!;
        return new JsonObject
        {
            ["target"] = $"at least {Target:F0}x less overhead per trial than Optuna's in-memory random search (Optuna ms/trial / Nomadic ms/trial, medians, every space and size)",
            ["met"] = worstMedian.RatioMedian >= Target,
            ["worst_ratio_median"] = Json.Number(worstMedian.RatioMedian),
            ["worst_ratio_median_at"] = $"{worstMedian.Space} n={worstMedian.NomadicN} (Optuna n={worstMedian.OptunaN})",
            ["worst_ratio_min"] = Json.Number(worstMin.RatioMin),
            ["worst_ratio_min_at"] = $"{worstMin.Space} n={worstMin.NomadicN} (Optuna n={worstMin.OptunaN})",
            ["shortfall_factor"] = worstMedian.RatioMedian >= Target ? null : Json.Number(Target / worstMedian.RatioMedian),
        };
    }

    public static string Markdown(
        JsonObject machine,
        IReadOnlyList<OverheadRow> rows,
        OverheadSample? cold,
        IReadOnlyList<DataFrameRow> frames,
        IReadOnlyList<ProfileRow> profile,
        IReadOnlyList<OptunaRow> optuna,
        string? optunaSource,
        IReadOnlyList<Comparison> comparisons,
        JsonObject verdict)
    {
        var md = new StringBuilder();
        md.AppendLine($"Machine: {machine["cores"]} cores ({machine["cpu_model"]}), {machine["os"]}, {machine["dotnet"]}; library built optimized: {machine["library_optimized"]}.");
        md.AppendLine();

        md.AppendLine("### Nomadic: wall time per trial (trivial objectives)");
        md.AppendLine();
        md.AppendLine("| space | tuner | storage | driver | n | repeats | min µs/trial | median µs/trial | last-10% µs/trial (median) | allocated B/trial | GC pause share | create experiment µs (median) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (OverheadRow row in rows)
        {
            OverheadConfig c = row.Config;
            md.AppendLine($"| {c.Workload.Name} | {c.Tuner} | {c.Storage} | {c.DriverName} | {Fmt.Int(c.N)} | {row.Samples.Count} | {Fmt.G(row.PerTrialUs.Min)} | {Fmt.G(row.PerTrialUs.Median)} | {Fmt.G(row.Tail10Us.Median)} | {Fmt.F(row.AllocatedBytesPerTrial, 0)} | {Fmt.F(row.GcPauseShare * 100, 1)}% | {Fmt.G(row.CreateMs.Median * 1e3)} |");
        }

        if (cold is not null)
        {
            md.AppendLine();
            md.AppendLine($"First experiment of the process, before any warm-up (x2, random, n=100; JIT compilation included): {Fmt.G(cold.TotalMs)} ms for RunAsync ({Fmt.G(cold.PerTrialUs)} µs/trial) after {Fmt.G(cold.CreateMs)} ms to create the experiment.");
        }

        md.AppendLine();
        if (comparisons.Count > 0)
        {
            md.AppendLine($"### Versus Optuna {optunaSource}: random sampler, in-memory storage (ms per trial)");
            md.AppendLine();
            md.AppendLine("| space | n (Nomadic vs Optuna) | Nomadic min | Nomadic median | Optuna min | Optuna median | ratio of mins | ratio of medians | last-10% ratio |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (Comparison c in comparisons)
            {
                md.AppendLine($"| {c.Space} | {c.Sizes} | {Fmt.G(c.NomadicMs.Min)} | {Fmt.G(c.NomadicMs.Median)} | {Fmt.G(c.OptunaMs.Min)} | {Fmt.G(c.OptunaMs.Median)} | {Fmt.Ratio(c.RatioMin)} | {Fmt.Ratio(c.RatioMedian)} | {Fmt.Ratio(c.RatioTail)} |");
            }

            md.AppendLine();
            md.AppendLine("Ratio = Optuna ms/trial ÷ Nomadic ms/trial (how many times less overhead). Where the sizes differ, the per-trial numbers of the nearest sizes are compared (Optuna's largest random-search size is 5,000); sizes more than 2x apart are not compared.");
            md.AppendLine();
            bool met = (bool?)verdict["met"] == true;
            md.AppendLine(met
                ? $"**Target met**: at least {Report.Target:F0}x less overhead per trial than Optuna's in-memory random search at every size; the smallest ratio of medians is {Fmt.Ratio((double)verdict["worst_ratio_median"]!)} ({verdict["worst_ratio_median_at"]})."
                : $"**Target missed**: the smallest ratio of medians is {Fmt.Ratio((double)verdict["worst_ratio_median"]!)} ({verdict["worst_ratio_median_at"]}), {Fmt.F((double)verdict["shortfall_factor"]!, 2)}x short of {Report.Target:F0}x.");
            md.AppendLine();
        }

        if (frames.Count > 0)
        {
            md.AppendLine("### ExperimentResult.ToDataFrame() versus Optuna's study.trials_dataframe()");
            md.AppendLine();
            md.AppendLine("| space | rows | shape | calls | min ms | median ms | µs/row (median) | Optuna rows | Optuna shape | Optuna median ms | Optuna µs/row | per-row ratio |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (DataFrameRow frame in frames)
            {
                OptunaRow? o = optuna.FirstOrDefault(r => r.Space == frame.Space && r.TrialsDataFrameMs is not null);
                double nomadicRow = frame.PerRowUs(frame.Ms.Median);
                string rival = o is null
                    ? "| n/a | n/a | n/a | n/a | n/a |"
                    : $"| {Fmt.Int(o.N)} | {o.TrialsDataFrameShape?[0]}x{o.TrialsDataFrameShape?[1]} | {Fmt.G(o.TrialsDataFrameMs!.Median)} | {Fmt.G(o.TrialsDataFrameMs.Median * 1e3 / o.N)} | {Fmt.Ratio(o.TrialsDataFrameMs.Median * 1e3 / o.N / nomadicRow)} |";
                md.AppendLine($"| {frame.Space} | {Fmt.Int(frame.Rows)} | {frame.Rows}x{frame.Columns} | {frame.Milliseconds.Count} | {Fmt.G(frame.Ms.Min)} | {Fmt.G(frame.Ms.Median)} | {Fmt.G(nomadicRow)} {rival}");
            }

            md.AppendLine();
        }

        var storage = rows.Where(r => r.Config is { StorageKind: not StorageKind.Memory, Tuner: "random" }).ToList();
        if (storage.Count > 0 && optuna.Count > 0)
        {
            md.AppendLine("### Storage backends (not equivalent: Optuna's SQLite storage is a database, Nomadic's journal a JSON-lines file)");
            md.AppendLine();
            md.AppendLine("| space | Nomadic storage | n | median ms/trial | last-10% ms/trial | Optuna storage | Optuna n | Optuna median ms/trial | Optuna last-10% | ratio of medians |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (OverheadRow row in storage)
            {
                int n = row.Config.N;
                string rivalStorage = row.Config.StorageKind == StorageKind.Journal ? "sqlite" : "memory";
                OptunaRow? o = optuna
                    .Where(s => s.Space == row.Config.Workload.Name && s.Sampler == "random" && s.Storage == rivalStorage)
                    .OrderBy(s => Math.Abs(Math.Log((double)s.N / n)))
                    .FirstOrDefault();
                if (o is not null)
                {
                    double ms = row.PerTrialUs.Median / 1e3;
                    md.AppendLine($"| {row.Config.Workload.Name} | {row.Config.Storage} | {Fmt.Int(n)} | {Fmt.G(ms)} | {Fmt.G(row.Tail10Us.Median / 1e3)} | {rivalStorage} | {Fmt.Int(o.N)} | {Fmt.G(o.PerTrialMs.Median)} | {Fmt.G(o.Tail10Ms.Median)} | {Fmt.Ratio(o.PerTrialMs.Median / ms)} |");
                }
            }

            md.AppendLine();
        }

        if (profile.Count > 0)
        {
            md.AppendLine("### Where a trial's time goes (random search, n = 10,000 unless stated; minimum over repeats)");
            md.AppendLine();
            md.AppendLine("| space | group | step | ns/call | B/call | calls/trial | ns/trial |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            foreach (ProfileRow p in profile)
            {
                md.AppendLine($"| {p.Space} | {p.Group} | {p.What} | {Fmt.G(p.NsPerTrial)} | {Fmt.F(p.BytesPerTrial, 0)} | {p.CallsPerTrial} | {Fmt.G(p.NsPerTrial * p.CallsPerTrial)} |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }
}
