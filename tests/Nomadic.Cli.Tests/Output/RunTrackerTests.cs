using Nomadic.Cli.Output;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Output;

public sealed class RunTrackerTests
{
    [Fact]
    public void Report_ConcurrentRuns_CountsEachOnceAndKeepsTheBest()
    {
        var tracker = new RunTracker(Direction.Minimize, 400);
        var tallies = new List<RunTally>();
        tracker.Display = (_, tally) => tallies.Add(tally);

        Parallel.For(0, 400, i => tracker.Report(i % 10 == 0
            ? RunResult.Failed(new Dictionary<string, object?>(), "e")
            : new RunResult(i, new Dictionary<string, object?>())));

        Assert.Equal(Enumerable.Range(1, 400), tallies.Select(t => t.Finished));
        Assert.Equal(40, tallies[^1].Failed);
        Assert.Equal(1.0, tallies[^1].Best);
        Assert.Equal("400/400", tallies[^1].Counter);
    }
}
