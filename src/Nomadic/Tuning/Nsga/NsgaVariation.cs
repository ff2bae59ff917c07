using Nomadic.Tuning.Encoders;

namespace Nomadic.Tuning.Nsga;

/// <summary>
/// Breeds a child configuration from two parents as Optuna's NSGAIISampler does: with the crossover probability the
/// parents are mixed (numeric parameters on their unit coordinates, uniformly or by SBX; categorical ones uniformly),
/// otherwise the first is copied; then each parameter is drawn again at random with the mutation probability.
/// </summary>
/// <remarks>
/// Coordinates are decoded with <see cref="Domain.FromUnit"/>, so every value lies inside its domain. A parent value the
/// domain cannot encode (a baseline outside the space, a parameter the run lacks) is replaced by a random draw.
/// </remarks>
internal sealed class NsgaVariation
{
    private readonly string[] _names;
    private readonly Domain[] _domains;
    private readonly ParameterCoder?[] _coders;
    private readonly NsgaIIOptions _options;
    private readonly double _mutation;
    private readonly double _eta;

    public NsgaVariation(SearchSpace space, IReadOnlyList<string> names, NsgaIIOptions options, bool multiObjective)
    {
        _names = [.. names];
        _domains = [.. _names.Select(n => space[n])];
        _coders = [.. _names.Select((n, i) => _domains[i] is FloatDomain or IntDomain ? ParameterCoder.For(n, _domains[i]) : null)];
        _options = options;
        _mutation = options.MutationProbability ?? 1.0 / Math.Max(1, _names.Length);
        _eta = options.SbxEta ?? (multiObjective ? 20.0 : 2.0);
    }

    /// <summary>Writes a child of <paramref name="first"/> and <paramref name="second"/> into <paramref name="child"/>.</summary>
    public void Breed(IReadOnlyDictionary<string, object?> first, IReadOnlyDictionary<string, object?> second, System.Random random, Dictionary<string, object?> child)
    {
        bool crossover = random.NextDouble() < _options.CrossoverProbability;
        var a = new double[_names.Length];
        var b = new double[_names.Length];
        var usable = new bool[_names.Length];
        for (int i = 0; i < _names.Length; i++)
        {
            usable[i] = _coders[i] is { } coder
                ? coder.TryEncode(first.GetValueOrDefault(_names[i]), out a[i]) & coder.TryEncode(second.GetValueOrDefault(_names[i]), out b[i])
                : _domains[i].Contains(first.GetValueOrDefault(_names[i])) && _domains[i].Contains(second.GetValueOrDefault(_names[i]));
        }

        double[]? mixed = crossover && _options.Crossover == NsgaIICrossover.Sbx ? SimulatedBinaryCrossover.Child(a, b, _eta, _options.SwappingProbability, random) : null;
        for (int i = 0; i < _names.Length; i++)
        {
            bool fromSecond = crossover && mixed is null && random.NextDouble() < _options.SwappingProbability;
            object? value = !usable[i] ? _domains[i].Sample(random)
                : _coders[i] is { } coder ? coder.Decode(mixed?[i] ?? (fromSecond ? b[i] : a[i]))
                : (fromSecond ? second : first).GetValueOrDefault(_names[i]);
            child[_names[i]] = random.NextDouble() < _mutation ? _domains[i].Sample(random) : value;
        }
    }
}
