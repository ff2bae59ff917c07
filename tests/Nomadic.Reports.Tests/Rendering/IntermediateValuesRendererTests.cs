using Nomadic.Reports.Data;
using Nomadic.Reports.Rendering;
using Nomadic.Reports.Tests.Support;

namespace Nomadic.Reports.Tests.Rendering;

public class IntermediateValuesRendererTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(30)]
    public void Draw_StepsFromZero_StepAxisShowsWholeStepsFromZero(int runs)
    {
        IntermediateValuesData data = ExperimentPlotData.IntermediateValues(HistoryRendererTests.Runs(runs));

        IReadOnlyList<string> labels = AxisTicks.Labels(IntermediateValuesRenderer.Draw(data, "Intermediate values"), p => p.Axes.Bottom);

        AxisTicks.AssertWholeNumbersFrom(labels, 0);
        Assert.Equal(["0", "1", "2"], labels);
    }
}
