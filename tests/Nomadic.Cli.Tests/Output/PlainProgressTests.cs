using Nomadic.Cli.Output;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Output;

public sealed class PlainProgressTests
{
    private static readonly Dictionary<string, object?> Params = new() { ["lr"] = 0.000123456789, ["opt"] = "adam" };

    [Fact]
    public void Describe_CompletedBaseline_ShowsScoreBestAndMark()
    {
        RunResult run = new RunResult(0.5, Params).WithTrialInfo(0, null, null, isBaseline: true);

        Assert.Equal("run 1/20  #0  score=0.5  best=0.5  (baseline)  lr=1.235e-4 opt=adam", PlainProgress.Describe(run, new RunTally(1, 20, 0, 0.5)));
    }

    [Fact]
    public void Describe_Failed_ShowsTheError()
    {
        RunResult run = RunResult.Failed(Params, "TimeoutException: slow").WithTrialInfo(4, null, null, false);

        Assert.Equal("run 5  #4  FAILED (TimeoutException: slow)  lr=1.235e-4 opt=adam", PlainProgress.Describe(run, new RunTally(5, null, 1, null)));
    }
}
