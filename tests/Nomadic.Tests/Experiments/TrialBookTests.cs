using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class TrialBookTests
{
    [Fact]
    public void Finish_TrialTwice_RecordsItOnceAndRefusesTheSecondTime()
    {
        var book = new TrialBook();
        Trial trial = NewTrial(3);
        book.Start(trial);

        Assert.True(book.Finish(trial, new RunResult(1.0, trial.Params)));
        Assert.False(book.Finish(trial, new RunResult(2.0, trial.Params)));
        Assert.Equal(1, book.FinishedCount);
        Assert.Equal(0, book.RunningCount);
    }

    [Fact]
    public void Snapshot_AfterAChange_IsANewListAndTheOldOneDoesNotChange()
    {
        var book = new TrialBook();
        Trial trial = NewTrial(0);
        book.Start(trial);
        (IReadOnlyList<RunResult> finished, Trial[] running) = book.Snapshot();

        book.Finish(trial, new RunResult(1.0, trial.Params));

        Assert.Empty(finished);
        Assert.Single(running);
        Assert.Single(book.Snapshot().Finished);
        Assert.Empty(book.Snapshot().Running);
    }

    [Fact]
    public void RunsInOrder_RestoredOutOfOrder_AreSortedByTrialNumber()
    {
        var book = new TrialBook();
        var parameters = new Dictionary<string, object?> { ["x"] = 1 };
        book.Restore(new RunResult(1.0, parameters).Copy(parameters, 2, null, null, false));
        book.Restore(new RunResult(1.0, parameters).Copy(parameters, 0, null, null, false));

        Assert.Equal([0, 2], book.RunsInOrder().Select(r => r.TrialNumber));
    }

    private static Trial NewTrial(int number)
    {
        var parameters = new Dictionary<string, object?> { ["x"] = number };
        return new Trial(number, parameters, isBaseline: false, ConfigurationKey.Of(["x"], parameters), DateTimeOffset.UnixEpoch, 0);
    }
}
