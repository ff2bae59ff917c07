using Nomadic.Tuning;
using Nomadic.Tuning.LocalSearch;

namespace Nomadic.Tests.Tuning.LocalSearch;

public class SearchThreadsTests
{
    private static readonly UnitSpace Space = new(new SearchSpace { ["x"] = Tune.Uniform(0, 1), ["y"] = Tune.Uniform(0, 1) });
    private static readonly LocalSearchSettings Settings = new(null, null, 0.1, 1e-4);

    [Fact]
    public void Consider_PointNearABetterThread_IsMergedAway()
    {
        var threads = new SearchThreads(4, 2);
        threads.Consider(1.0, () => Thread(0.5, 0.5, 1.0));

        threads.Consider(0.5, () => Thread(0.9, 0.9, 0.5));
        threads.Consider(0.4, () => Thread(0.51, 0.5, 0.4));

        Assert.Equal([0.5, 0.4], threads.Threads.Select(t => t.Best));
    }

    [Fact]
    public void Consider_PointWorseThanTheMedian_StartsNoThread()
    {
        var threads = new SearchThreads(4, 2);
        threads.Consider(1.0, () => Thread(0.1, 0.1, 1.0));
        threads.Consider(3.0, () => Thread(0.9, 0.9, 3.0));

        Assert.Single(threads.Threads);
    }

    [Fact]
    public void Consider_BeyondCapacity_DropsTheWorstThread()
    {
        var threads = new SearchThreads(2, 2);
        threads.Consider(3.0, () => Thread(0.1, 0.1, 3.0));
        threads.Consider(2.0, () => Thread(0.5, 0.5, 2.0));
        threads.Consider(1.0, () => Thread(0.9, 0.9, 1.0));

        Assert.Equal([2.0, 1.0], threads.Threads.Select(t => t.Best));
    }

    [Fact]
    public void Select_FasterThread_WinsAndTiesGoToTheLocalSearch()
    {
        var threads = new SearchThreads(4, 2);
        threads.Consider(1.0, () => Thread(0.1, 0.1, 1.0));
        LocalThread slow = threads.Threads[0];
        var global = new ThreadProgress(1.0, 1);

        Assert.Same(slow, threads.Select(global, 1.0, []));

        global.Started();
        global.Finished(0.2, 1);
        Assert.Null(threads.Select(global, 0.2, []));
        Assert.Null(threads.Select(new ThreadProgress(1.0, 1), 1.0, [slow]));
    }

    private static LocalThread Thread(double x, double y, double value) =>
        new(Space, [x, y], value, 1, Settings, new System.Random(1));
}
