using System.Numerics;

namespace Nomadic.Tuning.QuasiRandom;

/// <summary>
/// The Sobol sequence in the unit cube, optionally scrambled: a digital (t, s)-sequence in base 2, so the first 2^k
/// points put exactly one point in each of the 2^k equal intervals of every coordinate.
/// </summary>
/// <remarks>
/// Points come in Gray-code order (Antonov and Saleev 1979), one exclusive-or per point. The scrambling is a random
/// linear matrix scramble followed by a random digital shift (Matoušek 1998, "On the L2-discrepancy for anchored boxes";
/// Owen 2003), as in SciPy's <c>qmc.Sobol</c>: it keeps the equidistribution of the first 2^k points, removes the
/// points on the cube's lower faces (the unscrambled first point is the origin) and gives each seed its own design.
/// </remarks>
internal sealed class SobolSequence
{
    private const double Scale = 1.0 / 4294967296.0;
    private readonly uint[][] _directions;
    private readonly uint[] _state;
    private long _index;

    /// <summary>Initializes a new instance of the <see cref="SobolSequence"/> class.</summary>
    /// <param name="dimension">The number of coordinates, at most <see cref="SobolDirections.MaxDimension"/>.</param>
    /// <param name="random">The source of the scrambling; <see langword="null"/> for the plain sequence.</param>
    public SobolSequence(int dimension, System.Random? random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, SobolDirections.MaxDimension);
        _directions = new uint[dimension][];
        _state = new uint[dimension];
        for (int j = 0; j < dimension; j++)
        {
            uint[] directions = SobolDirections.Of(j);
            if (random is not null)
            {
                directions = LinearScramble(directions, random);
                _state[j] = RandomBits(random);
            }

            _directions[j] = directions;
        }
    }

    /// <summary>Gets the number of coordinates of each point.</summary>
    public int Dimension => _state.Length;

    /// <summary>Returns the next point, each coordinate in [0, 1) and a multiple of 2^-32.</summary>
    /// <returns>A new array of <see cref="Dimension"/> coordinates.</returns>
    /// <exception cref="InvalidOperationException">All 2^32 points were drawn.</exception>
    public double[] Next()
    {
        if (_index > uint.MaxValue)
        {
            throw new InvalidOperationException("The Sobol sequence has no more than 2^32 points.");
        }

        var point = new double[_state.Length];
        for (int j = 0; j < point.Length; j++)
        {
            point[j] = _state[j] * Scale;
        }

        _index++;
        if (_index <= uint.MaxValue)
        {
            int digit = BitOperations.TrailingZeroCount((ulong)_index);
            for (int j = 0; j < _state.Length; j++)
            {
                _state[j] ^= _directions[j][digit];
            }
        }

        return point;
    }

    /// <summary>
    /// Multiplies every direction number by a random lower-triangular binary matrix with a unit diagonal: output digit i
    /// (the most significant first) is digit i plus a random subset of the more significant digits, modulo 2.
    /// </summary>
    private static uint[] LinearScramble(uint[] directions, System.Random random)
    {
        var rows = new uint[SobolDirections.Bits];
        for (int i = 0; i < rows.Length; i++)
        {
            uint digit = 1u << (SobolDirections.Bits - 1 - i);
            uint higher = ~((digit << 1) - 1);
            rows[i] = digit | (RandomBits(random) & higher);
        }

        var scrambled = new uint[directions.Length];
        for (int k = 0; k < directions.Length; k++)
        {
            uint value = 0;
            for (int i = 0; i < rows.Length; i++)
            {
                value |= (uint)(BitOperations.PopCount(directions[k] & rows[i]) & 1) << (SobolDirections.Bits - 1 - i);
            }

            scrambled[k] = value;
        }

        return scrambled;
    }

    private static uint RandomBits(System.Random random) => (uint)random.NextInt64(0, 1L << 32);
}
