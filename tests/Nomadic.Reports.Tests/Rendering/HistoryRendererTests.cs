using Nomadic.Reports.Data;
using Nomadic.Reports.Rendering;
using Nomadic.Reports.Tests.Support;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Reports.Tests.Rendering;

public class HistoryRendererTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(25)]
    [InlineData(40)]
    [InlineData(120)]
    public void Draw_RunsFromZero_RunAxisShowsWholeRunNumbersFromTheFirstRun(int runs)
    {
        HistoryData data = ExperimentPlotData.History(Runs(runs));

        IReadOnlyList<string> labels = AxisTicks.Labels(HistoryRenderer.Draw(data, "Optimization history"), p => p.Axes.Bottom);

        AxisTicks.AssertWholeNumbersFrom(labels, 0);
        Assert.Equal("0", labels[0]);
        Assert.True(int.Parse(labels[^1], System.Globalization.CultureInfo.InvariantCulture) <= runs - 1, $"the last tick, {labels[^1]}, is past the last run, {runs - 1}");
    }

    internal static ExperimentResult Runs(int count)
    {
        var random = new Random(3);
        return new ExperimentResult(
            new SearchSpace { ["lr"] = Tune.Uniform(0.0, 1.0) },
            Enumerable.Range(0, count).Select(i =>
            {
                double lr = random.NextDouble();
                return new RunResult(0.5 + (0.3 * lr) + (0.1 * random.NextDouble()), new Dictionary<string, object?> { ["lr"] = lr })
                {
                    IntermediateValues = [new IntermediateValue(0, 0.2 * lr), new IntermediateValue(1, 0.4 * lr), new IntermediateValue(2, 0.6 * lr)],
                }.WithTrialInfo(i, DateTimeOffset.UnixEpoch, TimeSpan.Zero, isBaseline: i == 0);
            }));
    }
}
