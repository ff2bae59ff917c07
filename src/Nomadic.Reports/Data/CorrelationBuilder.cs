using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Computes <see cref="CorrelationData"/>.</summary>
internal static class CorrelationBuilder
{
    public static CorrelationData Build(ExperimentResult result)
    {
        RunResult[] runs = [.. result.RunResults.Where(r => r.HasUsableScore)];
        ParameterAxis[] numeric = [.. ParameterAxes.All(result).Where(a => a.IsNumeric)];
        var columns = new List<double[]>();
        foreach (ParameterAxis axis in numeric)
        {
            columns.Add([.. runs.Select(r => ParameterAxes.Position(axis, r)).Select(v => double.IsNaN(v) ? v : ParameterAxes.Scaled(axis, v))]);
        }

        columns.Add([.. runs.Select(r => r.Score)]);
        var coefficients = new double[columns.Count, columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            for (int j = 0; j < columns.Count; j++)
            {
                coefficients[i, j] = i == j ? 1.0 : Statistics.Pearson(columns[i], columns[j]);
            }
        }

        return new CorrelationData([.. numeric.Select(a => a.Name), "score"], new ValueGrid(coefficients));
    }
}
