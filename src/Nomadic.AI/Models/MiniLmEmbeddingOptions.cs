namespace Nomadic.AI.Models;

/// <summary>Settings of <see cref="MiniLmEmbeddingGenerator"/>.</summary>
public sealed record MiniLmEmbeddingOptions
{
    /// <summary>Gets how many texts the model encodes in one call; 1 encodes them one by one.</summary>
    /// <value>The default value is 32.</value>
    public int BatchSize { get; init; } = 32;

    /// <summary>Gets a value indicating whether vectors are kept by text, so a text is encoded once per generator.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Cache { get; init; } = true;
}
