namespace Nomadic.AI.Rag;

/// <summary>Settings of a <see cref="HybridRetriever"/>.</summary>
public sealed record HybridOptions
{
    /// <summary>Gets the weight of the dense retriever, from 0 (sparse only) to 1 (dense only).</summary>
    /// <value>The default value is 0.5.</value>
    public double Alpha { get; init; } = 0.5;

    /// <summary>Gets how the two rankings are merged.</summary>
    /// <value>The default value is <see cref="FusionMethod.Score"/>.</value>
    public FusionMethod Fusion { get; init; } = FusionMethod.Score;

    /// <summary>Gets how many candidates each retriever contributes; at least the number of chunks asked for is taken.</summary>
    /// <value>The default value is 50.</value>
    public int Candidates { get; init; } = 50;

    /// <summary>Gets the constant k of reciprocal rank fusion, which damps the weight of the first ranks.</summary>
    /// <value>The default value is 60, the paper's.</value>
    public int RrfK { get; init; } = 60;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Alpha is outside [0, 1], or candidates or k is less than 1.</exception>
    public void Validate()
    {
        if (!(Alpha is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "The hybrid weight alpha must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Candidates, 1, nameof(Candidates));
        ArgumentOutOfRangeException.ThrowIfLessThan(RrfK, 1, nameof(RrfK));
    }
}
