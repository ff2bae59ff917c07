namespace Nomadic.Tuning;

/// <summary>The rules of conditional parameters in a <see cref="SearchSpace"/>: validation, activity and grid size.</summary>
internal static class SpaceConditions
{
    /// <summary>Checks a parameter's condition against the parameters declared before it.</summary>
    /// <returns>A description of the problem, or <see langword="null"/>.</returns>
    public static string? Validate(SearchSpace space, string name, Domain domain, int position)
    {
        if (domain.Condition is not ParameterCondition condition)
        {
            return null;
        }

        int parentPosition = IndexOf(space.Names, condition.Parameter);
        if (condition.Parameter == name)
        {
            return "has a condition on itself";
        }

        if (parentPosition < 0 || parentPosition >= position)
        {
            return $"has a condition on '{condition.Parameter}', which must be declared before it";
        }

        Domain parent = space[condition.Parameter];
        object? outside = condition.Values.FirstOrDefault(v => !parent.Contains(v), Missing);
        return ReferenceEquals(outside, Missing)
            ? null
            : $"has a condition on '{condition.Parameter}' = {ParamValue.ToDisplayString(outside)}, a value '{condition.Parameter}' cannot take";
    }

    /// <summary>Tells whether a parameter exists in a configuration: its condition and its parents' conditions hold.</summary>
    public static bool IsActive(SearchSpace space, string name, IReadOnlyDictionary<string, object?> configuration)
    {
        Domain domain = space[name];
        while (domain.Condition is ParameterCondition condition)
        {
            if (!configuration.TryGetValue(condition.Parameter, out object? parentValue) || !condition.IsMetBy(parentValue))
            {
                return false;
            }

            domain = space[condition.Parameter];
        }

        return true;
    }

    /// <summary>Counts the configurations of a finite conditional space; an inactive parameter counts once.</summary>
    public static long CountGrid(SearchSpace space)
    {
        var assignment = new Dictionary<string, object?>(StringComparer.Ordinal);
        var parents = new HashSet<string>(space.Values.Select(d => d.Condition?.Parameter).OfType<string>(), StringComparer.Ordinal);
        return Count(space, parents, 0, assignment);
    }

    private static long Count(SearchSpace space, HashSet<string> parents, int index, Dictionary<string, object?> assignment)
    {
        if (index == space.Count)
        {
            return 1;
        }

        string name = space.Names[index];
        Domain domain = space[name];
        if (!IsActive(space, name, assignment))
        {
            return Count(space, parents, index + 1, assignment);
        }

        if (!parents.Contains(name))
        {
            return Multiply(SizeOf(domain), Count(space, parents, index + 1, assignment));
        }

        long total = 0;
        foreach (object? value in domain.Enumerate())
        {
            assignment[name] = value;
            total = Add(total, Count(space, parents, index + 1, assignment));
        }

        assignment.Remove(name);
        return total;
    }

    private static long SizeOf(Domain domain) => domain switch
    {
        IntDomain i => i.Count,
        FloatDomain { Count: long n } => n,
        _ => domain.Enumerate().Count,
    };

    private static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly object Missing = new();
}
