using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

// The expected densities are Optuna 3.1.0's _ParzenEstimator.log_pdf on the same observations, with its defaults
// (prior of weight 1, magic clip, no endpoints).
public class SortedKernelFillTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BelowAndAbove_Uniform_GiveOptunasDensities(bool below)
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-5, 10) };

        double[] densities = Densities(space, new ContinuousKernels(), below, [3.0, -2.0, 7.5, 0.1, 9.9, -4.0, 2.0, 2.5], [-5.0, -1.0, 0.0, 2.2, 5.0, 9.99]);

        TpeFixtures.AssertClose([-1.66146858, -1.29270151, -1.23979265, -1.14719239, -1.38662711, -1.36116577], densities);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BelowAndAbove_LogUniform_GiveOptunasDensities(bool below)
    {
        var space = new SearchSpace { ["x"] = Tune.LogUniform(1e-3, 1) };

        double[] densities = Densities(space, new ContinuousKernels(), below, [0.002, 0.05, 0.5, 0.011], [1e-3, 0.01, 0.1, 0.9]);

        TpeFixtures.AssertClose([-1.04044702, -0.7474738, -0.81571607, -1.03160896], densities);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BelowAndAbove_RandInt_GiveOptunasMasses(bool below)
    {
        var space = new SearchSpace { ["k"] = Tune.RandInt(1, 11) };
        var kernels = new DiscreteKernels(NumericScale.ForInt((IntDomain)space["k"]));

        double[] masses = Densities(space, kernels, below, [2, 3, 3, 9, 5], [1, 3, 4, 7, 10]);

        TpeFixtures.AssertClose([-2.24533111, -1.76876312, -1.90963194, -2.68054686, -3.10197888], masses);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BelowAndAbove_QUniform_GiveOptunasMasses(bool below)
    {
        var space = new SearchSpace { ["x"] = Tune.QUniform(0, 1, 0.1) };
        var kernels = new DiscreteKernels(NumericScale.ForFloat((FloatDomain)space["x"]));

        double[] masses = Densities(space, kernels, below, [0.2, 0.3, 0.9, 0.5], [0.0, 0.3, 0.6, 1.0]);

        TpeFixtures.AssertClose([-2.78949785, -2.00257189, -2.34470409, -3.00977719], masses);
    }

    [Fact]
    public void Above_WithRunningConfigurations_MergesThemInOrder()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-5, 10) };
        var tpeSpace = new TpeSpace(space);
        var history = new ObservationHistory(tpeSpace, Nomadic.Results.Direction.Minimize, keepSortedNumbers: true);
        foreach ((double x, int i) in new[] { 3.0, 7.5, 0.1, -4.0 }.Select((x, i) => (x, i)))
        {
            history.Add(TpeFixtures.Run(i, ("x", x)));
        }

        var split = new ObservationSplit(tpeSpace, new TpeOptions { Gamma = _ => 0 });
        split.Update(history, TpeFixtures.Values("x", -2.0, 9.9, 2.0, 2.5));
        split.Partition();
        var estimator = new ParzenEstimator([new ContinuousKernels()]);

        new SortedKernelFill(new TpeOptions(), history).Above(estimator, 0, split);

        // The same eight observations as in the uniform case, four of them running: the same density.
        Assert.Equal(-1.29270151, TpeFixtures.LogPdf(estimator, space, -1.0), 6);
        Assert.Equal(-1.14719239, TpeFixtures.LogPdf(estimator, space, 2.2), 6);
    }

    private static double[] Densities(SearchSpace space, NumericKernels kernels, bool below, object[] observations, object[] points)
    {
        string name = space.Names[0];
        (ObservationSplit split, ObservationHistory history) = TpeFixtures.Split(space, below, TpeFixtures.Values(name, observations));
        var estimator = new ParzenEstimator([kernels]);
        var fill = new SortedKernelFill(new TpeOptions(), history);
        if (below)
        {
            fill.Below(estimator, 0, split);
        }
        else
        {
            fill.Above(estimator, 0, split);
        }

        return points.Select(p => TpeFixtures.LogPdf(estimator, space, p)).ToArray();
    }
}
