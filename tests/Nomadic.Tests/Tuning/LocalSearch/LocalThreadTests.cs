using Nomadic.Tuning;
using Nomadic.Tuning.LocalSearch;

namespace Nomadic.Tests.Tuning.LocalSearch;

public class LocalThreadTests
{
    private static readonly LocalSearchSettings Settings = new(null, null, 0.1, 1e-4);

    [Fact]
    public void Propose_UnknownStart_ProposesTheStartThenMirroredPairs()
    {
        LocalThread thread = Thread(2, double.PositiveInfinity);

        double[] start = thread.Propose();
        double[] plus = thread.Propose();
        double[] minus = thread.Propose();

        Assert.Equal([0.5, 0.5], start);
        Assert.Equal(0.1 * Math.Sqrt(2), Distance(plus, start), 9);
        Assert.Equal([1.0, 1.0], [plus[0] + minus[0], plus[1] + minus[1]], new Tolerance(1e-12));
    }

    [Fact]
    public void Report_TwoToTheDFailuresAroundTheIncumbent_HalvesTheStep()
    {
        LocalThread thread = Thread(3, 1.0);
        double step = thread.Step;

        for (int i = 0; i < 7; i++)
        {
            thread.Report(thread.Version, thread.Propose(), 2.0);
        }

        Assert.Equal(step, thread.Step);
        thread.Report(thread.Version, thread.Propose(), double.NaN);
        Assert.Equal(step / 2, thread.Step);
    }

    [Fact]
    public void Report_FailureOfAnOlderIncumbent_DoesNotCount()
    {
        LocalThread thread = Thread(1, 1.0);
        double[] old = thread.Propose();
        thread.Report(thread.Version, thread.Propose(), 0.5);
        double step = thread.Step;

        for (int i = 0; i < 5; i++)
        {
            thread.Report(thread.Version - 1, old, 3.0);
        }

        Assert.Equal(step, thread.Step);
        Assert.Equal(0.5, thread.Best);
    }

    [Fact]
    public void Report_Improvement_MovesAndDoublesAReducedStep()
    {
        LocalThread thread = Thread(1, 1.0);
        thread.Report(thread.Version, thread.Propose(), 2.0);
        thread.Report(thread.Version, thread.Propose(), 2.0);
        double reduced = thread.Step;
        double[] better = thread.Propose();

        thread.Report(thread.Version, better, 0.1);

        Assert.Equal(better, thread.Incumbent);
        Assert.Equal(1, thread.Version);
        Assert.Equal(2 * reduced, thread.Step, 12);
    }

    [Fact]
    public void Report_NoImprovementEver_ConvergesOnceTheStepIsBelowTheMinimum()
    {
        LocalThread thread = Thread(1, 1.0);
        int reports = 0;
        while (!thread.IsConverged && reports < 1000)
        {
            thread.Report(thread.Version, thread.Propose(), 1.0);
            reports++;
        }

        Assert.True(thread.IsConverged);
        Assert.True(thread.Step < 1e-4 && thread.Step >= 0.5e-4);
    }

    private static LocalThread Thread(int dimension, double value)
    {
        var space = new SearchSpace();
        for (int i = 0; i < dimension; i++)
        {
            space.Add("x" + i, Tune.Uniform(0, 1));
        }

        return new LocalThread(new UnitSpace(space), Enumerable.Repeat(0.5, dimension).ToArray(), value, 1, Settings, new System.Random(1));
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Select((x, j) => (x - b[j]) * (x - b[j])).Sum());

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
