using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// Kernels of a categorical parameter: each observation's kernel puts weight 1 on its own choice plus a prior weight
/// spread evenly over all choices; the prior's kernel is uniform (Optuna's <c>_calculate_categorical_params</c>).
/// </summary>
internal sealed class CategoricalKernels : ParzenComponent
{
    private const double Padding = -2.0;

    private readonly int _choices;
    private readonly double _priorWeight;
    private readonly double[] _logProbability;
    private double[] _category = [];
    private double _logMatch;
    private double _logOther;
    private double _spread;
    private int _priorIndex;

    public CategoricalKernels(int choices, double priorWeight)
    {
        _choices = choices;
        _priorWeight = priorWeight;
        _logProbability = new double[choices];
    }

    /// <summary>Gets each kernel's choice index for the builder to fill; the prior's kernel is ignored.</summary>
    public Span<double> Category => _category.AsSpan(0, Count);

    public override void Resize(int count)
    {
        base.Resize(count);
        Ensure(ref _category, Padded);
    }

    public override void Prepare(ReadOnlySpan<double> weights, int priorIndex)
    {
        _priorIndex = priorIndex;
        _category.AsSpan(Count, Padded - Count).Fill(Padding);
        if (priorIndex >= 0)
        {
            _category[priorIndex] = Padding;
        }

        int observations = priorIndex >= 0 ? Count - 1 : Count;
        double share = _priorWeight / (priorIndex >= 0 ? observations + 1 : observations);
        double norm = (_choices * share) + 1.0;
        _spread = _choices * share;
        _logMatch = Math.Log((share + 1.0) / norm);
        _logOther = Math.Log(share / norm);

        // The mixture of the rows in closed form: what the observations spread evenly, plus each choice's own weight.
        Span<double> perChoice = _logProbability;
        perChoice.Clear();
        double observed = 0;
        for (int k = 0; k < Count; k++)
        {
            if (k != priorIndex)
            {
                observed += weights[k];
                perChoice[(int)_category[k]] += weights[k] / norm;
            }
        }

        double even = (observed * share / norm) + (priorIndex >= 0 ? weights[priorIndex] / _choices : 0.0);
        foreach (ref double probability in perChoice)
        {
            probability = Math.Log(probability + even);
        }
    }

    public override double Sample(int kernel, System.Random random) =>
        kernel != _priorIndex && random.NextDouble() * (_spread + 1.0) < 1.0 ? _category[kernel] : random.Next(_choices);

    public override double LogMixture(double x) => _logProbability[(int)x];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddLogDensities(double x, Span<double> terms)
    {
        Span<Vector256<double>> target = MemoryMarshal.Cast<double, Vector256<double>>(terms);
        ReadOnlySpan<Vector256<double>> category = MemoryMarshal.Cast<double, Vector256<double>>(_category.AsSpan(0, Padded));
        Vector256<double> choice = Vector256.Create(x);
        Vector256<double> match = Vector256.Create(_logMatch);
        Vector256<double> other = Vector256.Create(_logOther);
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += Vector256.ConditionalSelect(Vector256.Equals(category[i], choice), match, other);
        }

        if (_priorIndex >= 0)
        {
            terms[_priorIndex] += -Math.Log(_choices) - _logOther;
        }
    }
}
