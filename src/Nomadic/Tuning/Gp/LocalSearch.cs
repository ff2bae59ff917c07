using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Nomadic.Tuning.Encoders;

namespace Nomadic.Tuning.Gp;

/// <summary>
/// Climbs the acquisition function from one start, as Optuna's mixed local search does: bounded quasi-Newton steps
/// (MathNet's BFGS-B) over the continuous coordinates, then a search over each discrete coordinate's values in turn,
/// until a round changes nothing.
/// </summary>
internal sealed class LocalSearch
{
    private const int MaximumRounds = 20;
    private const double ImprovementTolerance = 1e-6;

    // The gradient tolerance is Optuna's. A step tolerance of 1e-5 (in the preconditioned coordinates) ends a search that
    // only polishes its optimum: at 1e-8 the line searches took ten times the evaluations for equally good suggestions.
    private const double GradientTolerance = 1e-2;
    private const double ParameterTolerance = 1e-5;
    private const int MaximumIterations = 100;

    private readonly Acquisition _acquisition;
    private readonly IReadOnlyList<ParameterCoder> _coders;
    private readonly int[] _continuous;
    private readonly int[] _discrete;
    private readonly double[] _lengthScales;

    /// <summary>Initializes a new instance of the <see cref="LocalSearch"/> class.</summary>
    /// <param name="acquisition">The function to maximize.</param>
    /// <param name="coders">The coder of each coordinate.</param>
    /// <param name="lengthScales">The kernel's length scale of each coordinate.</param>
    /// <param name="isFree">For each coordinate, whether the search may change it.</param>
    public LocalSearch(Acquisition acquisition, IReadOnlyList<ParameterCoder> coders, double[] lengthScales, IReadOnlyList<bool> isFree)
    {
        _acquisition = acquisition;
        _coders = coders;
        _lengthScales = lengthScales;
        _continuous = Enumerable.Range(0, coders.Count).Where(j => isFree[j] && coders[j].IsContinuous).ToArray();
        _discrete = Enumerable.Range(0, coders.Count).Where(j => isFree[j] && !coders[j].IsContinuous).ToArray();
    }

    /// <summary>Climbs from a point.</summary>
    /// <param name="start">The starting point; not changed.</param>
    /// <param name="value">The acquisition value at the start.</param>
    /// <returns>The best point reached and its value, never worse than the start.</returns>
    public (double[] Point, double Value) Climb(double[] start, double value)
    {
        double[] x = (double[])start.Clone();
        for (int round = 0; round < MaximumRounds; round++)
        {
            bool improved = _continuous.Length > 0 && Ascend(x, ref value);
            foreach (int j in _discrete)
            {
                improved |= TryMoves(x, j, ref value);
            }

            if (!improved)
            {
                break;
            }
        }

        return (x, value);
    }

    private bool TryMoves(double[] x, int j, ref double value)
    {
        double[] coordinates = [.. _coders[j].Moves(x[j])];
        if (coordinates.Length == 0)
        {
            return false;
        }

        double[][] neighbours = coordinates.Select(c =>
        {
            double[] neighbour = (double[])x.Clone();
            neighbour[j] = c;
            return neighbour;
        }).ToArray();
        double[] values = _acquisition.Values(neighbours);
        int best = Array.IndexOf(values, values.Max());
        if (!(values[best] > value))
        {
            return false;
        }

        x[j] = coordinates[best];
        value = values[best];
        return true;
    }

    // Optimizes over z = x/ℓ rather than x: every direction then has unit length scale, which conditions the problem as
    // Optuna's preconditioning does.
    private bool Ascend(double[] x, ref double value)
    {
        int m = _continuous.Length;
        double[] trial = (double[])x.Clone();
        double[] gradient = new double[x.Length];
        double bestValue = value;
        double[]? bestPoint = null;

        // MathNet divides the gradient by max(|f|, 1) before testing convergence; measured from the start, f stays
        // near 0 so the test is on the gradient itself, as in scipy's L-BFGS-B, not weakened by a very negative log EI.
        double start = value;
        IObjectiveFunction objective = ObjectiveFunction.Gradient(z =>
        {
            for (int c = 0; c < m; c++)
            {
                trial[_continuous[c]] = Math.Clamp(z[c] * _lengthScales[_continuous[c]], 0.0, 1.0);
            }

            double f = _acquisition.ValueAndGradient(trial, gradient);
            if (f > bestValue)
            {
                bestValue = f;
                bestPoint = (double[])trial.Clone();
            }

            return (start - f, Vector<double>.Build.Dense(m, c => -gradient[_continuous[c]] * _lengthScales[_continuous[c]]));
        });

        var lower = Vector<double>.Build.Dense(m);
        var upper = Vector<double>.Build.Dense(m, c => 1 / _lengthScales[_continuous[c]]);
        var initial = Vector<double>.Build.Dense(m, c => Math.Clamp(x[_continuous[c]] / _lengthScales[_continuous[c]], 0, upper[c]));
        try
        {
            new BfgsBMinimizer(GradientTolerance, ParameterTolerance, 1e-10, MaximumIterations).FindMinimum(objective, lower, upper, initial);
        }
        catch (Exception ex) when (ex is OptimizationException or ArithmeticException or ArgumentException)
        {
            // The best point evaluated before the failure is kept below.
        }

        if (bestPoint is null)
        {
            return false;
        }

        // Gains below the tolerance only polish the same optimum, not worth another round of discrete moves.
        bool improved = bestValue > value + ImprovementTolerance;
        Array.Copy(bestPoint, x, x.Length);
        value = bestValue;
        return improved;
    }
}
