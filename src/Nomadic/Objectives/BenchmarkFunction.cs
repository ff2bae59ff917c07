using System.Globalization;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Objectives;

/// <summary>
/// A standard test objective for comparing tuners: a search space, a deterministic function to minimize and its
/// known optimum. The built-in functions are listed in <see cref="BenchmarkFunctions"/>.
/// </summary>
/// <remarks>
/// Evaluation is plain IEEE-754 double arithmetic in a fixed order, so on the same platform math library the values
/// are reproducible bit for bit.
/// </remarks>
public sealed class BenchmarkFunction
{
    private readonly Func<SearchSpace> _createSpace;
    private readonly Func<IReadOnlyDictionary<string, object?>, double> _formula;

    internal BenchmarkFunction(
        string name,
        string description,
        Func<SearchSpace> createSpace,
        double optimum,
        Func<IReadOnlyDictionary<string, object?>, double> formula)
    {
        Name = name;
        Description = description;
        _createSpace = createSpace;
        Optimum = optimum;
        _formula = formula;
    }

    /// <summary>Gets the function's name, e.g. <c>branin</c> or <c>lr_valley</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the formula of the function.</summary>
    public string Description { get; }

    /// <summary>Gets the parameters of the function, in the order a tuner should suggest them.</summary>
    /// <value>A new instance on each access, so callers may change it without affecting the function.</value>
    public SearchSpace SearchSpace => _createSpace();

    /// <summary>Gets the optimum value, used to compute regret (best value found minus optimum).</summary>
    /// <value>The minimum of the function, or <see cref="double.NaN"/> when none is defined.</value>
    public double Optimum { get; }

    /// <summary>Gets whether lower or higher values are better; always <see cref="Direction.Minimize"/>.</summary>
    public Direction Direction { get; } = Direction.Minimize;

    /// <summary>Evaluates the function at one configuration.</summary>
    /// <param name="parameters">
    /// Parameter values by name: numbers as <see cref="int"/> or <see cref="double"/>, categorical values as
    /// <see cref="string"/>. Extra names are ignored.
    /// </param>
    /// <returns>The function value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is missing or its value has the wrong type.</exception>
    public double Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return _formula(parameters);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Reads a numeric parameter as a double; integers are converted exactly.</summary>
    internal static double Number(IReadOnlyDictionary<string, object?> parameters, string name) =>
        Read(parameters, name) switch
        {
            double d => d,
            int i => i,
            long l => l,
            var other => throw new ArgumentException(
                $"Parameter '{name}' must be a number (int or double), got {Describe(other)}.",
                nameof(parameters)),
        };

    /// <summary>Reads a categorical parameter that must be one of <paramref name="choices"/>.</summary>
    internal static string Category(IReadOnlyDictionary<string, object?> parameters, string name, IReadOnlyList<string> choices)
    {
        object? value = Read(parameters, name);
        if (value is string s && choices.Contains(s, StringComparer.Ordinal))
        {
            return s;
        }

        throw new ArgumentException(
            $"Parameter '{name}' must be one of {string.Join(", ", choices.Select(c => "'" + c + "'"))}, got {Describe(value)}.",
            nameof(parameters));
    }

    private static object? Read(IReadOnlyDictionary<string, object?> parameters, string name) =>
        parameters.TryGetValue(name, out object? value)
            ? value
            : throw new ArgumentException($"Parameter '{name}' is missing.", nameof(parameters));

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string '{s}'",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"a {value.GetType().Name}",
    };
}
