namespace Nomadic.AI.Rag;

/// <summary>What a <see cref="FixedSizeChunker"/> counts.</summary>
public enum ChunkUnit
{
    /// <summary>Words: runs of characters between white space.</summary>
    Words,

    /// <summary>Characters; a chunk boundary is moved back to the previous white space when there is one in the chunk.</summary>
    Characters,
}
