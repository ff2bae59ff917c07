namespace Nomadic.Tuning.QuasiRandom;

/// <summary>
/// Direction numbers of the Sobol sequence for its first <see cref="MaxDimension"/> coordinates, from the table of
/// Joe and Kuo (2008), "Constructing Sobol sequences with better two-dimensional projections" (file
/// new-joe-kuo-6.21201, the table SciPy's <c>qmc.Sobol</c> uses too).
/// </summary>
internal static class SobolDirections
{
    /// <summary>The number of binary digits of each coordinate.</summary>
    public const int Bits = 32;

    // Coordinates 2, 3, ...: the degree s of the primitive polynomial, its inner coefficients a (s - 1 bits, the
    // highest-degree one first) and the initial odd numbers m_1..m_s. The first coordinate is van der Corput's.
    private static readonly (int Degree, int Coefficients, int[] Initial)[] Table =
    [
        (1, 0, [1]),
        (2, 1, [1, 3]),
        (3, 1, [1, 3, 1]),
        (3, 2, [1, 1, 1]),
        (4, 1, [1, 1, 3, 3]),
        (4, 4, [1, 3, 5, 13]),
        (5, 2, [1, 1, 5, 5, 17]),
        (5, 4, [1, 1, 5, 5, 5]),
        (5, 7, [1, 1, 7, 11, 19]),
        (5, 11, [1, 1, 5, 1, 1]),
        (5, 13, [1, 1, 1, 3, 11]),
        (5, 14, [1, 3, 5, 5, 31]),
        (6, 1, [1, 3, 3, 9, 7, 49]),
        (6, 13, [1, 1, 1, 15, 21, 21]),
        (6, 16, [1, 3, 1, 13, 27, 49]),
        (6, 19, [1, 1, 1, 15, 7, 5]),
        (6, 22, [1, 3, 1, 15, 13, 25]),
        (6, 25, [1, 1, 5, 5, 19, 61]),
        (7, 1, [1, 3, 7, 11, 23, 15, 103]),
        (7, 4, [1, 3, 7, 13, 13, 15, 69]),
    ];

    /// <summary>The number of coordinates the table covers.</summary>
    public static int MaxDimension => Table.Length + 1;

    /// <summary>Computes the direction numbers of one coordinate, scaled to <see cref="Bits"/>-bit integers.</summary>
    /// <param name="coordinate">The coordinate, from 0 to <see cref="MaxDimension"/> - 1.</param>
    /// <returns>V_1..V_32, where V_k = m_k · 2^(32 − k); entry k − 1 holds V_k.</returns>
    public static uint[] Of(int coordinate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coordinate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(coordinate, MaxDimension);
        var v = new uint[Bits];
        if (coordinate == 0)
        {
            for (int k = 0; k < Bits; k++)
            {
                v[k] = 1u << (Bits - 1 - k);
            }

            return v;
        }

        (int s, int a, int[] m) = Table[coordinate - 1];
        for (int k = 0; k < s; k++)
        {
            v[k] = (uint)m[k] << (Bits - 1 - k);
        }

        // The recurrence of the primitive polynomial, in the shifted form of Bratley and Fox (1988).
        for (int k = s; k < Bits; k++)
        {
            uint next = v[k - s] ^ (v[k - s] >> s);
            for (int i = 1; i < s; i++)
            {
                if (((a >> (s - 1 - i)) & 1) == 1)
                {
                    next ^= v[k - i];
                }
            }

            v[k] = next;
        }

        return v;
    }
}
