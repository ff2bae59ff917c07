namespace Nomadic.Tuning;

/// <summary>
/// Factories for the domains of a <see cref="SearchSpace"/>, named as in nomadic and Ray Tune.
/// </summary>
/// <remarks>
/// Settings are checked when the domain is added to a search space, so the error can name the parameter.
/// </remarks>
public static class Tune
{
    /// <summary>One of the given values, sampled uniformly by random search and enumerated by grid search.</summary>
    /// <typeparam name="T">The value type: a number, <see cref="bool"/> or <see cref="string"/>.</typeparam>
    /// <param name="values">The values, at least one, no duplicates.</param>
    /// <returns>The domain.</returns>
    public static ChoiceDomain Choice<T>(params T[] values) => new(Box(values), exhaustive: false);

    /// <summary>One of the given values, sampled uniformly by random search and enumerated by grid search.</summary>
    /// <typeparam name="T">The value type: a number, <see cref="bool"/> or <see cref="string"/>.</typeparam>
    /// <param name="values">The values, at least one, no duplicates.</param>
    /// <returns>The domain.</returns>
    public static ChoiceDomain Choice<T>(IEnumerable<T> values) => new(Box(values), exhaustive: false);

    /// <summary>One of the given values of mixed types (numbers, booleans, strings, null).</summary>
    /// <param name="values">The values, at least one, no duplicates.</param>
    /// <returns>The domain.</returns>
    public static ChoiceDomain Choice(params object?[] values) => new(values ?? [], exhaustive: false);

    /// <summary>Values that every tuner enumerates exhaustively, random search included (each grid point is run).</summary>
    /// <typeparam name="T">The value type: a number, <see cref="bool"/> or <see cref="string"/>.</typeparam>
    /// <param name="values">The values, at least one, no duplicates.</param>
    /// <returns>The domain.</returns>
    public static ChoiceDomain GridSearch<T>(params T[] values) => new(Box(values), exhaustive: true);

    /// <summary>Values that every tuner enumerates exhaustively, random search included (each grid point is run).</summary>
    /// <typeparam name="T">The value type: a number, <see cref="bool"/> or <see cref="string"/>.</typeparam>
    /// <param name="values">The values, at least one, no duplicates.</param>
    /// <returns>The domain.</returns>
    public static ChoiceDomain GridSearch<T>(IEnumerable<T> values) => new(Box(values), exhaustive: true);

    /// <summary>A real number uniform on [low, high].</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound; greater than <paramref name="low"/>.</param>
    /// <returns>The domain.</returns>
    public static FloatDomain Uniform(double low, double high) => new(low, high, log: false, step: null);

    /// <summary>A real number uniform on [low, high], rounded to a multiple of <paramref name="q"/>.</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound; greater than <paramref name="low"/>.</param>
    /// <param name="q">The step; positive.</param>
    /// <returns>The domain; enumerable by grid search.</returns>
    public static FloatDomain QUniform(double low, double high, double q) => new(low, high, log: false, step: q);

    /// <summary>A positive real number uniform in log space on [low, high] (learning rates, regularization).</summary>
    /// <param name="low">The lower bound; positive.</param>
    /// <param name="high">The upper bound; greater than <paramref name="low"/>.</param>
    /// <returns>The domain.</returns>
    public static FloatDomain LogUniform(double low, double high) => new(low, high, log: true, step: null);

    /// <summary>A positive real number uniform in log space on [low, high], rounded to a multiple of <paramref name="q"/>.</summary>
    /// <param name="low">The lower bound; positive.</param>
    /// <param name="high">The upper bound; greater than <paramref name="low"/>.</param>
    /// <param name="q">The step; positive.</param>
    /// <returns>The domain.</returns>
    public static FloatDomain QLogUniform(double low, double high, double q) => new(low, high, log: true, step: q);

    /// <summary>An integer uniform on [low, high): the upper bound is excluded, as in Ray Tune and nomadic.</summary>
    /// <param name="low">The lower bound (inclusive).</param>
    /// <param name="high">The upper bound (exclusive); greater than <paramref name="low"/>.</param>
    /// <returns>The domain.</returns>
    public static IntDomain RandInt(int low, int high) => new(low, high, log: false, step: null);

    /// <summary>A multiple of <paramref name="q"/> uniform on [low, high]; quantization makes the upper bound inclusive.</summary>
    /// <param name="low">The lower bound (inclusive).</param>
    /// <param name="high">The upper bound (inclusive).</param>
    /// <param name="q">The step; positive.</param>
    /// <returns>The domain.</returns>
    public static IntDomain QRandInt(int low, int high, int q) => new(low, high, log: false, step: q);

    /// <summary>A positive integer uniform in log space on [low, high) (layer widths, batch sizes).</summary>
    /// <param name="low">The lower bound (inclusive); positive.</param>
    /// <param name="high">The upper bound (exclusive).</param>
    /// <returns>The domain.</returns>
    public static IntDomain LogRandInt(int low, int high) => new(low, high, log: true, step: null);

    /// <summary>A multiple of <paramref name="q"/> uniform in log space on [low, high] (upper bound inclusive).</summary>
    /// <param name="low">The lower bound (inclusive); positive.</param>
    /// <param name="high">The upper bound (inclusive).</param>
    /// <param name="q">The step; positive.</param>
    /// <returns>The domain.</returns>
    public static IntDomain QLogRandInt(int low, int high, int q) => new(low, high, log: true, step: q);

    private static IEnumerable<object?> Box<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(v => (object?)v);
    }
}
