using Nomadic.Results;

namespace Nomadic.Cli.Output;

/// <summary>The figures summarizing a result: run counts by status, best and median score, and the completed runs ranked.</summary>
internal sealed class ResultStats
{
    private readonly List<RunResult> _ranked;

    private ResultStats(ExperimentResult result)
    {
        Result = result;
        _ranked = result.RunResults
            .Where(r => r.HasUsableScore)
            .OrderBy(r => result.Direction == Direction.Maximize ? -r.Score : r.Score)
            .ThenBy(r => r.TrialNumber)
            .ToList();
        Failed = result.RunResults.Count(r => r.Status == RunStatus.Failed);
        Pruned = result.RunResults.Count(r => r.Status == RunStatus.Pruned);
    }

    public ExperimentResult Result { get; }

    /// <summary>Gets the runs with a usable score, best first (ties to the earlier run).</summary>
    public IReadOnlyList<RunResult> Ranked => _ranked;

    public int Count => Result.Count;

    public int Completed => Result.RunResults.Count(r => r.Status == RunStatus.Completed);

    public int Failed { get; }

    public int Pruned { get; }

    public RunResult? Best => Result.BestIndex >= 0 ? Result.RunResults[Result.BestIndex] : null;

    public double Median
    {
        get
        {
            if (Ranked.Count == 0)
            {
                return double.NaN;
            }

            double[] scores = Ranked.Select(r => r.Score).Order().ToArray();
            int middle = scores.Length / 2;
            return scores.Length % 2 == 1 ? scores[middle] : (scores[middle - 1] + scores[middle]) / 2;
        }
    }

    public static ResultStats Of(ExperimentResult result) => new(result);

    /// <summary>Gets the 1-based rank of a run among <see cref="Ranked"/>, or 0 when it has no usable score.</summary>
    public int RankOf(RunResult run) => _ranked.IndexOf(run) + 1;
}
