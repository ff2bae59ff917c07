namespace Nomadic.Tuning;

/// <summary>Makes a domain conditional on another parameter of its search space.</summary>
public static class DomainConditions
{
    /// <summary>
    /// Returns a copy of <paramref name="domain"/> that exists only while <paramref name="parameter"/> takes one of
    /// <paramref name="values"/>.
    /// </summary>
    /// <typeparam name="T">The domain type, kept so the result is still e.g. a <see cref="FloatDomain"/>.</typeparam>
    /// <param name="domain">The domain.</param>
    /// <param name="parameter">The parent parameter, declared earlier in the same space.</param>
    /// <param name="values">The parent's values for which this parameter exists.</param>
    /// <returns>The conditional domain.</returns>
    /// <example>
    /// <code>
    /// var space = new SearchSpace
    /// {
    ///     ["optimizer"] = Tune.Choice("sgd", "adam"),
    ///     ["momentum"] = Tune.Uniform(0.0, 0.99).When("optimizer", "sgd"),
    /// };
    /// </code>
    /// </example>
    /// <exception cref="ArgumentException">The parent name is empty or no value is given.</exception>
    public static T When<T>(this T domain, string parameter, params object?[] values)
        where T : Domain
    {
        ArgumentNullException.ThrowIfNull(domain);
        return (T)domain.WithCondition(new ParameterCondition(parameter, values ?? []));
    }

    /// <summary>Returns a copy of <paramref name="domain"/> with the given condition, or none.</summary>
    /// <typeparam name="T">The domain type.</typeparam>
    /// <param name="domain">The domain.</param>
    /// <param name="condition">The condition, or <see langword="null"/> for an unconditional copy.</param>
    /// <returns>The copy.</returns>
    public static T When<T>(this T domain, ParameterCondition? condition)
        where T : Domain
    {
        ArgumentNullException.ThrowIfNull(domain);
        return (T)domain.WithCondition(condition);
    }
}
