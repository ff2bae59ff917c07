using Nomadic.Tuning.Encoders;

namespace Nomadic.Tuning.Tpe;

/// <summary>A categorical domain seen by the estimators: a value is its index in the list of choices.</summary>
internal sealed class CategoricalScale : TpeScale
{
    private readonly IReadOnlyList<object?> _values;
    private readonly CategoricalCoder _coder;

    public CategoricalScale(ChoiceDomain domain)
    {
        _values = domain.Values;
        _coder = new CategoricalCoder(domain);
    }

    /// <summary>Gets the number of choices.</summary>
    public int Count => _values.Count;

    public override double ToModel(object? value) => _coder.TryEncode(value, out double index) ? index : double.NaN;

    public override double Snap(double coordinate, out object? value)
    {
        int index = Math.Clamp((int)coordinate, 0, _values.Count - 1);
        value = _values[index];
        return index;
    }
}
