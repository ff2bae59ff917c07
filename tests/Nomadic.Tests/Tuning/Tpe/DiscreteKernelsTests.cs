using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class DiscreteKernelsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LogMixture_EveryValueOfTheDomain_ProbabilitiesSumToOne(bool log)
    {
        IntDomain domain = log ? Tune.LogRandInt(1, 200) : Tune.QRandInt(-30, 60, 3);
        var scale = NumericScale.ForInt(domain);
        var kernels = new DiscreteKernels(scale);
        var estimator = new ParzenEstimator([kernels]);
        estimator.Resize(3);
        (kernels.Mu[0], kernels.Mu[1], kernels.Mu[2]) = (0.1, 0.5, 0.97);
        (kernels.Sigma[0], kernels.Sigma[1], kernels.Sigma[2]) = (0.01, 1.0, 0.2);
        (estimator.RawWeights[0], estimator.RawWeights[1], estimator.RawWeights[2]) = (2, 1, 1);
        estimator.Complete(priorIndex: 1);

        double total = domain.Enumerate().Sum(v => Math.Exp(estimator.LogPdf([scale.ToModel(v)])));

        Assert.Equal(1.0, total, 6);
    }

    [Fact]
    public void AddLogDensities_AnyValue_AgreesWithLogMixture()
    {
        var scale = NumericScale.ForInt(Tune.RandInt(0, 10));
        var kernels = new DiscreteKernels(scale);
        var estimator = new ParzenEstimator([kernels]);
        estimator.Resize(2);
        (kernels.Mu[0], kernels.Mu[1], kernels.Sigma[0], kernels.Sigma[1]) = (0.15, 0.5, 0.05, 1.0);
        (estimator.RawWeights[0], estimator.RawWeights[1]) = (3, 1);
        estimator.Complete(priorIndex: 1);
        double[] terms = [Math.Log(0.75), Math.Log(0.25), double.NegativeInfinity, double.NegativeInfinity];

        kernels.AddLogDensities(scale.ToModel(2), terms);

        Assert.Equal(kernels.LogMixture(scale.ToModel(2)), NormalMath.LogSumExp(terms), 9);
    }

    [Fact]
    public void AddLogDensities_RepeatedValueAndRefittedKernels_AlwaysReflectTheCurrentKernels()
    {
        var scale = NumericScale.ForInt(Tune.RandInt(0, 10));
        var kernels = new DiscreteKernels(scale);
        var estimator = new ParzenEstimator([kernels]);
        double point = scale.ToModel(4);
        double[] first = Fit(0.2);
        double[] again = Fit(0.2);
        double[] refitted = Fit(0.45);

        Assert.Equal(first, again);
        Assert.NotEqual(first, refitted);
        Assert.Equal(kernels.LogMixture(point), NormalMath.LogSumExp(refitted), 9);

        double[] Fit(double mu)
        {
            estimator.Resize(1);
            (kernels.Mu[0], kernels.Sigma[0], estimator.RawWeights[0]) = (mu, 0.1, 1);
            estimator.Complete(priorIndex: -1);
            double[] terms = [0, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity];
            kernels.AddLogDensities(point, terms);
            kernels.AddLogDensities(point, new double[4]);
            return terms;
        }
    }
}
