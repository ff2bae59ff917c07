using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class TunerFeedTests
{
    private static readonly string[] Names = ["x"];

    [Fact]
    public void Finished_InRunOrderRunsFinishingBackwards_AreShownInTheOrderTheyStarted()
    {
        var tuner = new RecordingTuner();
        var feed = new TunerFeed(tuner, window: 2, new Dictionary<long, IReadOnlyDictionary<string, object?>>());
        Trial[] trials = [Start(feed, 0), Start(feed, 1), Start(feed, 2)];

        feed.Finished(trials[2], Run(2));
        feed.Finished(trials[1], Run(1));

        Assert.Same(trials[0], feed.NextInLine());
        Assert.Empty(tuner.Observed);
        feed.Finished(trials[0], Run(0));
        Assert.Null(feed.NextInLine());
        Assert.Equal([0, 1], tuner.Observed);
    }

    [Fact]
    public void Suggest_InRunOrder_SeesExactlyTheEarlierWindowAsFinishedAndTheRestAsRunning()
    {
        var tuner = new RecordingTuner();
        var feed = new TunerFeed(tuner, window: 2, new Dictionary<long, IReadOnlyDictionary<string, object?>>());
        Trial[] trials = [Start(feed, 0), Start(feed, 1)];
        feed.Finished(trials[1], Run(1));
        feed.Finished(trials[0], Run(0));

        Assert.Null(feed.NextInLine());
        feed.Suggest(0);

        Assert.Equal([0], tuner.SeenFinished);
        Assert.Equal([1.0], tuner.SeenRunning);
    }

    [Fact]
    public void Finished_WithoutRunOrder_ShowsEachRunAtOnceAndNeverHoldsTheNextTrial()
    {
        var tuner = new RecordingTuner();
        var feed = new TunerFeed(tuner, window: null, new Dictionary<long, IReadOnlyDictionary<string, object?>>());
        Trial[] trials = [Start(feed, 0), Start(feed, 1), Start(feed, 2)];

        feed.Finished(trials[2], Run(2));

        Assert.Null(feed.NextInLine());
        Assert.Equal([2], tuner.Observed);
        feed.Suggest(0);
        Assert.Equal([0.0, 1.0], tuner.SeenRunning);
    }

    [Fact]
    public void Abandoned_TrialAtTheHead_NoLongerHoldsTheNextTrial()
    {
        var feed = new TunerFeed(new RecordingTuner(), window: 1, new Dictionary<long, IReadOnlyDictionary<string, object?>>());
        Trial first = Start(feed, 0);

        Assert.Same(first, feed.NextInLine());
        feed.Abandoned(first);
        Assert.Null(feed.NextInLine());
    }

    private static Trial Start(TunerFeed feed, int number)
    {
        var parameters = new Dictionary<string, object?> { ["x"] = (double)number };
        var trial = new Trial(number, parameters, isBaseline: false, ConfigurationKey.Of(Names, parameters), DateTimeOffset.UnixEpoch, 0);
        feed.Started(trial);
        return trial;
    }

    private static RunResult Run(int number) => new RunResult(number, new Dictionary<string, object?> { ["x"] = (double)number }).Copy(
        new Dictionary<string, object?> { ["x"] = (double)number }, number, DateTimeOffset.UnixEpoch, TimeSpan.Zero, isBaseline: false);

    // Records what the feed shows it: runs observed, and the finished and running runs it sees when asked.
    private sealed class RecordingTuner : ITuner
    {
        public List<int> Observed { get; } = [];

        public List<int> SeenFinished { get; } = [];

        public List<double> SeenRunning { get; } = [];

        public string Name => "recording";

        public void Initialize(TunerSetup setup)
        {
        }

        public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
        {
            SeenFinished.AddRange(context.FinishedRuns.Select(r => r.TrialNumber));
            SeenRunning.AddRange(context.RunningConfigurations.Select(c => (double)c["x"]!));
            return null;
        }

        public void Observe(RunResult run) => Observed.Add(run.TrialNumber);
    }
}
