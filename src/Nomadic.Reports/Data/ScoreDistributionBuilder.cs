using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Computes <see cref="ScoreDistributionData"/>.</summary>
internal static class ScoreDistributionBuilder
{
    private const int DensityPoints = 120;

    public static ScoreDistributionData Build(ExperimentResult result)
    {
        double[] scores = [.. result.RunResults.Where(r => r.HasUsableScore).Select(r => r.Score).Order()];
        RunResult? baseline = result.BaselineIndex >= 0 ? result.RunResults[result.BaselineIndex] : null;
        double? baselineScore = baseline is { HasUsableScore: true } ? baseline.Score : null;
        if (scores.Length == 0)
        {
            return new ScoreDistributionData([], [], 0, baselineScore);
        }

        HistogramBin[] bins = Bins(scores);
        double bandwidth = Statistics.SilvermanBandwidth(scores);
        var density = new List<PlotPoint>();
        if (bandwidth > 0)
        {
            // The density stays within the observed scores: past them it would show scores no run had, below 0 or
            // above 1 for a bounded metric.
            double low = scores[0], high = scores[^1];
            double binWidth = bins[0].High - bins[0].Low;
            for (int i = 0; i < DensityPoints; i++)
            {
                double x = low + ((high - low) * i / (DensityPoints - 1));
                density.Add(new PlotPoint(x, Statistics.GaussianDensity(scores, bandwidth, x) * scores.Length * binWidth));
            }
        }

        return new ScoreDistributionData(bins, density, scores.Length, baselineScore);
    }

    // Sturges' rule, at least 5 and at most 30 bins; a single value gets one bin of width 1 around it.
    private static HistogramBin[] Bins(double[] sorted)
    {
        double low = sorted[0], high = sorted[^1];
        if (high <= low)
        {
            return [new HistogramBin(low - 0.5, high + 0.5, sorted.Length)];
        }

        int count = Math.Clamp((int)Math.Ceiling(Math.Log2(sorted.Length)) + 1, 5, 30);
        double width = (high - low) / count;
        var counts = new int[count];
        foreach (double score in sorted)
        {
            counts[Math.Min((int)((score - low) / width), count - 1)]++;
        }

        return [.. Enumerable.Range(0, count).Select(i => new HistogramBin(low + (i * width), low + ((i + 1) * width), counts[i]))];
    }
}
