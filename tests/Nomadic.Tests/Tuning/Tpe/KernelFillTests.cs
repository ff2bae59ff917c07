using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

// The expected densities are Optuna 3.1.0's _ParzenEstimator.log_pdf on the same observations, with its defaults.
public class KernelFillTests
{
    private static readonly TpeOptions Defaults = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Categorical_ThreeChoices_GivesOptunasProbabilities(bool below)
    {
        var space = new SearchSpace { ["c"] = Tune.Choice("a", "b", "c") };
        (ObservationSplit split, _) = TpeFixtures.Split(space, below, TpeFixtures.Values("c", "a", "c", "c", "b", "c"));
        var estimator = new ParzenEstimator([new CategoricalKernels(3, 1.0)]);

        KernelFill.Categorical(estimator, 0, split, below, Defaults);

        TpeFixtures.AssertClose([-1.34992672, -1.34992672, -0.73088751], new[] { "a", "b", "c" }.Select(c => TpeFixtures.LogPdf(estimator, space, c)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Joint_FloatAndCategorical_GivesOptunasMultivariateDensities(bool below)
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-5, 5), ["c"] = Tune.Choice("a", "b") };
        (ObservationSplit split, _) = TpeFixtures.Split(space, below,
            TpeFixtures.Point(("x", 1.0), ("c", "a")), TpeFixtures.Point(("x", -3.0), ("c", "b")), TpeFixtures.Point(("x", 4.0), ("c", "b")));
        var estimator = new ParzenEstimator([new ContinuousKernels(), new CategoricalKernels(2, 1.0)]);

        KernelFill.Joint(estimator, split, below, Defaults);

        TpeFixtures.AssertClose(
            [-1.53686248, -1.49066372, -1.48785792, -1.43564944],
            new (double, string)[] { (0.0, "a"), (1.0, "a"), (-3.0, "b"), (4.5, "b") }.Select(p => TpeFixtures.LogPdf(estimator, space, p.Item1, p.Item2)));
    }

    [Fact]
    public void Joint_FloatAndInteger_GivesOptunasMultivariateDensities()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-5, 5), ["k"] = Tune.RandInt(0, 9) };
        (ObservationSplit split, _) = TpeFixtures.Split(space, allBelow: true,
            TpeFixtures.Point(("x", 1.0), ("k", 2)), TpeFixtures.Point(("x", -3.0), ("k", 7)), TpeFixtures.Point(("x", 4.0), ("k", 3)));
        var estimator = new ParzenEstimator([new ContinuousKernels(), new DiscreteKernels(NumericScale.ForInt((IntDomain)space["k"]))]);

        KernelFill.Joint(estimator, split, below: true, Defaults);

        TpeFixtures.AssertClose(
            [-3.21312621, -2.76791134, -2.81579605, -3.67090935],
            new (double, int)[] { (0.0, 0), (1.0, 2), (-3.0, 7), (4.5, 8) }.Select(p => TpeFixtures.LogPdf(estimator, space, p.Item1, p.Item2)));
    }
}
