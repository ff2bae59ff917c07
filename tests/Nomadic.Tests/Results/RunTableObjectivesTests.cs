using Microsoft.Data.Analysis;
using Nomadic.Results;

namespace Nomadic.Tests.Results;

/// <summary>The DataFrame and CSV exports of a result with extra objectives.</summary>
public class RunTableObjectivesTests
{
    private static readonly ObjectiveMetric Latency = new("latency_ms", Direction.Minimize);

    [Fact]
    public void ToDataFrame_Objectives_HasMetricColumnsAndIsParetoLast()
    {
        ExperimentResult result = ParetoFrontTests.Result(Direction.Maximize, [Latency], (0.9, 50), (0.8, 60), (0.7, 10));

        DataFrame df = result.ToDataFrame();

        Assert.Equal(["score", "param_x", "run_result_metadata_latency_ms", "is_pareto"], df.Columns.Select(c => c.Name));
        Assert.Equal([50.0, 60.0, 10.0], df["run_result_metadata_latency_ms"].Cast<double?>());
        Assert.Equal([true, false, true], df["is_pareto"].Cast<bool?>());
    }

    [Fact]
    public void WriteCsv_Objectives_EndsEachRowWithIsPareto()
    {
        ExperimentResult result = ParetoFrontTests.Result(Direction.Maximize, [Latency], (0.9, 50), (0.8, 60));
        using var writer = new StringWriter();

        result.WriteCsv(writer);

        Assert.Equal(["score,param_x,run_result_metadata_latency_ms,is_pareto,trial_number,status,error,started_at,duration_seconds", "0.9,0,50,true,0,completed,,,", "0.8,0.01,60,false,1,completed,,,"], writer.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void ToDataFrame_NoObjectives_HasNoIsParetoColumn()
    {
        Assert.DoesNotContain("is_pareto", SeedResults.FourRuns().ToDataFrame().Columns.Select(c => c.Name));
    }
}
