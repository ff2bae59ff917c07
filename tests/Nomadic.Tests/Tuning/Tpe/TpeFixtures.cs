using Nomadic.Results;
using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

/// <summary>Builds runs, histories and splits for the TPE tests.</summary>
internal static class TpeFixtures
{
    public static TunerContext Context(IReadOnlyList<RunResult>? runs = null, params IReadOnlyDictionary<string, object?>[] running) =>
        new(runs ?? [], running);

    public static Dictionary<string, object?> Point(params (string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value);

    public static RunResult Run(double score, params (string Name, object? Value)[] parameters) => new(score, Point(parameters));

    /// <summary>Observes the configurations (scored by their position, the first best) and puts them all in one group.</summary>
    public static (ObservationSplit Split, ObservationHistory History) Split(
        SearchSpace space, bool allBelow, params Dictionary<string, object?>[] configurations)
    {
        var options = new TpeOptions { Gamma = n => allBelow ? n : 0 };
        var tpeSpace = new TpeSpace(space);
        var history = new ObservationHistory(tpeSpace, Direction.Minimize, keepSortedNumbers: true);
        for (int i = 0; i < configurations.Length; i++)
        {
            history.Add(new RunResult(i, configurations[i]));
        }

        var split = new ObservationSplit(tpeSpace, options);
        split.Update(history, []);
        split.Partition();
        return (split, history);
    }

    /// <summary>One-parameter configurations.</summary>
    public static Dictionary<string, object?>[] Values(string name, params object?[] values) =>
        values.Select(v => Point((name, v))).ToArray();

    /// <summary>Gets an estimator's log density at a configuration of domain values.</summary>
    public static double LogPdf(ParzenEstimator estimator, SearchSpace space, params object?[] values)
    {
        var tpeSpace = new TpeSpace(space);
        return estimator.LogPdf(values.Select((v, p) => tpeSpace.Scales[p].ToModel(v)).ToArray());
    }

    /// <summary>Asserts that two sequences of numbers agree to within a tolerance, element by element.</summary>
    public static void AssertClose(double[] expected, IEnumerable<double> actual, double tolerance = 1e-6)
    {
        double[] values = actual.ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance, $"Item {i}: expected {expected[i]}, got {values[i]}.");
        }
    }
}
