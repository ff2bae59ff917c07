using Nomadic.Results;

namespace Nomadic.Analysis;

/// <summary>
/// fANOVA parameter importance, as Optuna's <c>FanovaImportanceEvaluator</c>: a random forest fitted to the completed
/// runs, each tree's prediction variance split into main effects, the fractions averaged over trees and normalized.
/// </summary>
/// <remarks>Documented on <see cref="ExperimentAnalysis.ParameterImportances"/>, with the rule for conditional parameters.</remarks>
internal static class FanovaImportance
{
    public static IReadOnlyList<ParameterImportance> Compute(ExperimentResult result, ImportanceOptions options)
    {
        RunResult[] runs = [.. result.RunResults.Where(r => r.HasUsableScore)];
        if (runs.Length < 2)
        {
            throw new InvalidOperationException($"Parameter importance needs at least 2 completed runs with a finite score; the experiment has {runs.Length}.");
        }

        ImportanceFeature[] features = [.. result.HpSearchSpace.Names.Select(n => ImportanceFeature.Create(n, result.HpSearchSpace[n], options.LogScaleForLogDomains)).OfType<ImportanceFeature>()];
        double[][] encoded = [.. features.Select(f => runs.Select(r => f.Encode(r.Params)).ToArray())];
        double[] scores = [.. runs.Select(r => r.Score)];
        IGrouping<string, int>[] groups = [.. Enumerable.Range(0, features.Length).GroupBy(f => Presence(encoded[f]))];
        bool everywhere = groups.Length == 1 && !groups[0].Key.Contains('0', StringComparison.Ordinal);
        double scoreVariance = PopulationVariance(scores);
        var fractions = new (double Mean, double Std, int Runs)[features.Length];
        foreach (IGrouping<string, int> group in groups)
        {
            int[] rows = [.. Enumerable.Range(0, runs.Length).Where(r => group.Key[r] == '1')];
            if (rows.Length < 2)
            {
                foreach (int f in group)
                {
                    fractions[f] = (0, 0, rows.Length);
                }

                continue;
            }

            int[] used = [.. Enumerable.Range(0, features.Length).Where(f => rows.All(r => !double.IsNaN(encoded[f][r])))];
            var data = new ForestData([.. used.Select(f => features[f])], [.. used.Select(f => rows.Select(r => encoded[f][r]).ToArray())], [.. rows.Select(r => scores[r])]);
            ForestDecomposition forest = RandomForest.Decompose(data, options);

            // A parameter present in only some runs explains variance only there: its share of those runs' variance
            // counts for the share of all runs' variance that the forest of those runs models.
            double scale = everywhere ? 1 : scoreVariance > 0 ? rows.Length / (double)runs.Length * forest.MeanTotalVariance / scoreVariance : 0;
            foreach (int f in group)
            {
                int column = Array.IndexOf(used, f);
                double[] values = [.. forest.Fractions.Where(t => t.Length > 0).Select(t => t[column] * scale)];
                fractions[f] = (values.Length == 0 ? 0 : values.Average(), PopulationDeviation(values), rows.Length);
            }
        }

        double total = fractions.Sum(x => x.Mean);
        return [.. features
            .Select((f, i) => new ParameterImportance(f.Name, total > 0 ? fractions[i].Mean / total : 0, fractions[i].Mean, fractions[i].Std, fractions[i].Runs))
            .OrderByDescending(p => p.Importance)
            .ThenBy(p => Array.FindIndex(features, f => f.Name == p.Name))];
    }

    private static string Presence(double[] column) => new([.. column.Select(v => double.IsNaN(v) ? '0' : '1')]);

    // The population deviation over trees, as Optuna reports it (numpy.std).
    private static double PopulationDeviation(double[] values) => values.Length == 0 ? 0 : Math.Sqrt(PopulationVariance(values));

    private static double PopulationVariance(double[] values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Length;
    }
}
