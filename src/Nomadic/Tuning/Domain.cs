namespace Nomadic.Tuning;

/// <summary>
/// The set of values one parameter of a <see cref="SearchSpace"/> can take. Build domains with <see cref="Tune"/>.
/// </summary>
/// <remarks>
/// Every domain maps the unit interval [0, 1) onto its values (<see cref="FromUnit"/>), so tuners can work on
/// vectors of coordinates whatever the parameter types are. Domains are immutable.
/// </remarks>
public abstract class Domain
{
    private protected Domain()
    {
    }

    /// <summary>Gets the name of the <see cref="Tune"/> factory that builds this domain, e.g. <c>uniform</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Gets a value indicating whether the domain has a finite list of values a grid can enumerate.</summary>
    public abstract bool IsEnumerable { get; }

    /// <summary>Gets a value indicating whether every tuner, random search included, must enumerate all values.</summary>
    /// <value>The default value is <see langword="false"/>; only <see cref="Tune.GridSearch{T}(T[])"/> sets it.</value>
    public virtual bool IsExhaustive => false;

    /// <summary>Gets the condition under which the parameter exists, or <see langword="null"/> when it always does.</summary>
    /// <value>The default value is <see langword="null"/>; set with <see cref="DomainConditions.When{T}(T, string, object?[])"/>.</value>
    public ParameterCondition? Condition { get; private set; }

    /// <summary>Maps a coordinate of the unit interval to a value of the domain.</summary>
    /// <param name="unit">A number in [0, 1); values outside are clamped.</param>
    /// <returns>The value, of the domain's value type (<see cref="int"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or <see langword="null"/>).</returns>
    public abstract object? FromUnit(double unit);

    /// <summary>Draws a value uniformly (on the domain's own scale) from <paramref name="random"/>.</summary>
    /// <param name="random">The seeded random source of the caller.</param>
    /// <returns>A value of the domain.</returns>
    public object? Sample(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return FromUnit(random.NextDouble());
    }

    /// <summary>Lists every value of an enumerable domain in order.</summary>
    /// <returns>The values.</returns>
    /// <exception cref="InvalidOperationException">The domain is continuous (<see cref="IsEnumerable"/> is false).</exception>
    public abstract IReadOnlyList<object?> Enumerate();

    /// <summary>Tells whether <paramref name="value"/> is one of the domain's values.</summary>
    /// <param name="value">A parameter value.</param>
    /// <returns><see langword="true"/> when the domain can produce the value.</returns>
    public abstract bool Contains(object? value);

    /// <summary>Checks the domain's settings; called by <see cref="SearchSpace"/> when the domain is added.</summary>
    /// <returns>A description of the problem, or <see langword="null"/> when the domain is valid.</returns>
    internal abstract string? Validate();

    internal Domain WithCondition(ParameterCondition? condition)
    {
        var copy = (Domain)MemberwiseClone();
        copy.Condition = condition;
        return copy;
    }

    internal static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
