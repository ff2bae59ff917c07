namespace Nomadic.Results;

/// <summary>Finds the best run: the highest (or lowest) finite score among completed runs, ties to the earliest.</summary>
internal static class BestRunSelector
{
    public static int IndexOf(IReadOnlyList<RunResult> runs, Direction direction)
    {
        int best = -1;
        for (int i = 0; i < runs.Count; i++)
        {
            RunResult run = runs[i];
            if (run.HasUsableScore && (best < 0 || IsBetter(run.Score, runs[best].Score, direction)))
            {
                best = i;
            }
        }

        return best;
    }

    public static bool IsBetter(double candidate, double incumbent, Direction direction) =>
        direction == Direction.Maximize ? candidate > incumbent : candidate < incumbent;
}
