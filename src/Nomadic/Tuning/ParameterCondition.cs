namespace Nomadic.Tuning;

/// <summary>
/// When a conditional parameter exists: only while another parameter of the space (its parent) takes one of the listed
/// values, e.g. <c>momentum</c> only when <c>optimizer</c> is <c>"sgd"</c>. Build it with
/// <see cref="DomainConditions.When{T}(T, string, object?[])"/>.
/// </summary>
/// <remarks>
/// A parameter whose parent is itself inactive is inactive too, so conditions nest. An inactive parameter has no value:
/// it is left out of the configuration the objective receives and of the stored run.
/// </remarks>
public sealed class ParameterCondition
{
    /// <summary>Initializes a new instance of the <see cref="ParameterCondition"/> class.</summary>
    /// <param name="parameter">The parent parameter, declared earlier in the same space.</param>
    /// <param name="values">The parent's values for which the conditional parameter exists.</param>
    /// <exception cref="ArgumentException">The parent name is empty or no value is given.</exception>
    public ParameterCondition(string parameter, IEnumerable<object?> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        ArgumentNullException.ThrowIfNull(values);
        Parameter = parameter;
        Values = values.Select(ParamValue.Normalize).ToArray();
        if (Values.Count == 0)
        {
            throw new ArgumentException($"The condition on '{parameter}' lists no value.", nameof(values));
        }
    }

    /// <summary>Gets the name of the parent parameter.</summary>
    public string Parameter { get; }

    /// <summary>Gets the parent's values for which the conditional parameter exists.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>Tells whether a value of the parent makes the conditional parameter exist.</summary>
    /// <param name="parentValue">The parent's value.</param>
    /// <returns><see langword="true"/> when the value is one of <see cref="Values"/>.</returns>
    public bool IsMetBy(object? parentValue)
    {
        foreach (object? value in Values)
        {
            if (ParamValue.AreEqual(value, parentValue))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"when {Parameter} in [{string.Join(", ", Values.Select(ParamValue.ToDisplayString))}]";
}
