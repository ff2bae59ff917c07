using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class CategoricalKernelsTests
{
    [Fact]
    public void Sample_ObservationKernel_DrawsItsChoiceWithItsRowProbability()
    {
        // Two observations and the prior (weight 1): each row puts (1 + 1/3)/(3·1/3 + 1) = 2/3 on its own choice.
        var kernels = new CategoricalKernels(3, 1.0);
        var estimator = new ParzenEstimator([kernels]);
        estimator.Resize(3);
        (kernels.Category[0], kernels.Category[1]) = (2, 0);
        estimator.RawWeights.Fill(1);
        estimator.Complete(priorIndex: 2);
        var random = new System.Random(9);

        int own = Enumerable.Range(0, 30_000).Count(_ => kernels.Sample(0, random) == 2);
        int[] prior = new int[3];
        for (int i = 0; i < 30_000; i++)
        {
            prior[(int)kernels.Sample(2, random)]++;
        }

        Assert.InRange(own / 30_000.0, 0.65, 0.683);
        Assert.All(prior, count => Assert.InRange(count / 30_000.0, 0.32, 0.347));
    }

    [Fact]
    public void AddLogDensities_AnyChoice_AgreesWithLogMixture()
    {
        var kernels = new CategoricalKernels(4, 1.0);
        var estimator = new ParzenEstimator([kernels]);
        estimator.Resize(6);
        double[] categories = [3, 1, 1, 0, 2];
        categories.CopyTo(kernels.Category);
        double[] raw = [0.2, 1, 1, 0.5, 1, 1];
        raw.CopyTo(estimator.RawWeights);
        estimator.Complete(priorIndex: 5);

        for (int choice = 0; choice < 4; choice++)
        {
            double[] terms = new double[8];
            Array.Fill(terms, double.NegativeInfinity);
            for (int k = 0; k < raw.Length; k++)
            {
                terms[k] = Math.Log(raw[k] / raw.Sum());
            }

            kernels.AddLogDensities(choice, terms);

            Assert.Equal(kernels.LogMixture(choice), NormalMath.LogSumExp(terms), 9);
        }
    }
}
