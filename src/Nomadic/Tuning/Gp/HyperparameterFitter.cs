using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Nomadic.Tuning.Gp;

/// <summary>
/// Fits kernel hyperparameters by maximum a posteriori estimation with L-BFGS, starting from the previous fit (warm
/// start) and, if that fails, from the defaults, as Optuna's GP sampler does.
/// </summary>
internal sealed class HyperparameterFitter
{
    // Optuna's gtol: a tighter gradient tolerance buys nothing the acquisition function could notice.
    private const double GradientTolerance = 1e-2;
    private const int MaximumIterations = 200;

    private double[]? _previous;

    /// <summary>Fits the hyperparameters to observations.</summary>
    /// <param name="points">The observed points.</param>
    /// <param name="values">The observed values, standardized.</param>
    /// <param name="categorical">For each coordinate, whether it is categorical.</param>
    /// <returns>The best hyperparameters found, or the defaults when no evaluation of the likelihood succeeded.</returns>
    public KernelHyperparameters Fit(double[][] points, double[] values, IReadOnlyList<bool> categorical)
    {
        var likelihood = new MarginalLikelihood(points, values, categorical);
        double[] fallback = MarginalLikelihood.ToRaw(KernelHyperparameters.Default(categorical.Count));
        double[] start = _previous?.Length == fallback.Length ? _previous : fallback;
        var best = new Best();
        if (!TryMinimize(likelihood, start, best) && start != fallback)
        {
            TryMinimize(likelihood, fallback, best);
        }

        if (best.Raw is null)
        {
            return KernelHyperparameters.Default(categorical.Count);
        }

        _previous = best.Raw;
        return MarginalLikelihood.ToHyperparameters(best.Raw);
    }

    private static bool TryMinimize(MarginalLikelihood likelihood, double[] start, Best best)
    {
        IObjectiveFunction objective = ObjectiveFunction.Gradient(raw =>
        {
            var gradient = new double[raw.Count];
            double loss;
            try
            {
                loss = likelihood.Loss(raw.AsArray() ?? raw.ToArray(), gradient);
            }
            catch (ArgumentException)
            {
                // An unfactorable matrix is a region to back out of: a large finite loss makes the line search shrink
                // its step, where an infinite one would abort the search.
                return (1e10, Vector<double>.Build.Dense(raw.Count));
            }

            if (double.IsFinite(loss) && loss < best.Loss && gradient.All(double.IsFinite))
            {
                best.Loss = loss;
                best.Raw = raw.ToArray();
            }

            return (loss, Vector<double>.Build.DenseOfArray(gradient));
        });

        try
        {
            var minimizer = new LimitedMemoryBfgsMinimizer(GradientTolerance, 1e-8, 1e-9, 10, MaximumIterations);
            minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(start));
            return true;
        }
        catch (Exception ex) when (ex is OptimizationException or ArithmeticException or ArgumentException)
        {
            return false;
        }
    }

    private sealed class Best
    {
        public double Loss { get; set; } = double.PositiveInfinity;

        public double[]? Raw { get; set; }
    }
}
