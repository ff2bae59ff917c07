using System.Text;

namespace Nomadic.Bench;

/// <summary>The suggestion-speed tables: ours, and against Optuna's TPE at the same number of finished trials.</summary>
internal static class SpeedTables
{
    public const double AutoTargetMs = 5.0;

    public static void Write(StringBuilder md, IReadOnlyList<SpeedRow> rows, OptunaOverhead? optuna)
    {
        md.AppendLine("### Suggestion speed with a history of finished runs").AppendLine();
        md.AppendLine("| space | tuner | finished runs | Suggest median ms | mean | min | max | suggestions timed | last 10% of the history, ms/run | Optuna TPE last-10% ms/trial | Optuna ÷ ours (Suggest) | Optuna ÷ ours (last 10%) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (SpeedRow r in rows)
        {
            string tuner = r.Actual == r.Tuner ? r.Tuner : $"{r.Tuner} (stand-in: {r.Actual})";
            string rival = "| n/a | n/a | n/a |";
            if (r.Actual == "tpe" && optuna?.Tpe(r.Space, r.History) is (double _, double tail))
            {
                rival = $"| {Fmt.G(tail)} | {Fmt.Ratio(tail / r.SuggestMs.Median)} | {Fmt.Ratio(tail / r.TailMs)} |";
            }

            md.AppendLine($"| {r.Space} | {tuner} | {Fmt.Int(r.History)} | {Fmt.G(r.SuggestMs.Median)} | {Fmt.G(r.MeanMs)} | {Fmt.G(r.SuggestMs.Min)} | {Fmt.G(r.SuggestMs.Max)} | {r.SuggestMs.Count} | {Fmt.G(r.TailMs)} {rival}");
        }

        md.AppendLine();
        if (optuna is not null)
        {
            md.AppendLine($"Optuna: TPESampler, in-memory storage, {optuna.Source}; last-10% = mean wall time per trial over the last tenth of an n-trial study (the whole trial: sampling, objective, storage). Ours: each `Suggest` call timed alone once the history exists, and the same last-10% measure over the history.").AppendLine();
        }

        foreach (SpeedRow r in rows.Where(r => r.Tuner.StartsWith("auto", StringComparison.Ordinal)))
        {
            bool met = r.SuggestMs.Median < AutoTargetMs;
            string phase = r.Tuner == "auto" ? "with a known run budget, so local refinement proposes at this point" : "without a run budget, so TPE proposes";
            md.AppendLine($"Default tuner (`{r.Tuner}`: {phase}) on {r.Space} with {Fmt.Int(r.History)} finished runs: median {Fmt.G(r.SuggestMs.Median)} ms per suggestion (max {Fmt.G(r.SuggestMs.Max)}), target < {AutoTargetMs} ms **{(met ? "met" : "missed")}**.").AppendLine();
        }

        md.AppendLine();
    }
}
