namespace Nomadic.AI.Rag;

/// <summary>The two constants of Okapi BM25.</summary>
public sealed record Bm25Options
{
    /// <summary>Gets how fast a term's weight saturates with its frequency in a chunk; 0 counts presence only.</summary>
    /// <value>The default value is 1.2.</value>
    public double K1 { get; init; } = 1.2;

    /// <summary>Gets how much a chunk's length normalizes its term frequencies, from 0 (none) to 1 (fully).</summary>
    /// <value>The default value is 0.75.</value>
    public double B { get; init; } = 0.75;

    /// <summary>Throws when a constant is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="K1"/> is negative or <see cref="B"/> is outside [0, 1].</exception>
    public void Validate()
    {
        if (!(K1 >= 0) || double.IsInfinity(K1))
        {
            throw new ArgumentOutOfRangeException(nameof(K1), K1, "BM25 k1 must be a finite number of 0 or more.");
        }

        if (!(B is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(B), B, "BM25 b must be between 0 and 1.");
        }
    }
}
