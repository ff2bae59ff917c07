namespace Nomadic.Tuning.QuasiRandom;

/// <summary>
/// A scrambled Halton sequence in the unit cube: a low-discrepancy design that covers a space more evenly than
/// independent draws. The digits of each coordinate go through a random permutation (Faure and Lemieux 2009,
/// "Generalized Halton sequences in 2008"), which removes the correlation between coordinates of large prime bases and
/// gives each seed its own design.
/// </summary>
internal sealed class HaltonSequence
{
    private readonly int[] _bases;
    private readonly int[][] _permutations;
    private long _index;

    /// <summary>Initializes a new instance of the <see cref="HaltonSequence"/> class.</summary>
    /// <param name="dimension">The number of coordinates of each point.</param>
    /// <param name="random">The source of the digit permutations.</param>
    public HaltonSequence(int dimension, System.Random random)
    {
        _bases = Primes(dimension);
        _permutations = new int[dimension][];
        for (int j = 0; j < dimension; j++)
        {
            // Digit 0 stays 0 so the infinitely many leading zeros of each index add nothing.
            int[] permutation = Enumerable.Range(0, _bases[j]).ToArray();
            random.Shuffle(permutation.AsSpan(1));
            _permutations[j] = permutation;
        }
    }

    /// <summary>Returns the next point, each coordinate in [0, 1).</summary>
    /// <returns>A new array of the sequence's dimension.</returns>
    public double[] Next()
    {
        var point = new double[_bases.Length];
        _index++;
        for (int j = 0; j < point.Length; j++)
        {
            point[j] = RadicalInverse(_index, _bases[j], _permutations[j]);
        }

        return point;
    }

    private static double RadicalInverse(long index, int radix, int[] permutation)
    {
        double result = 0;
        double scale = 1.0 / radix;
        for (long n = index; n > 0; n /= radix)
        {
            result += permutation[n % radix] * scale;
            scale /= radix;
        }

        return Math.Min(result, Math.BitDecrement(1.0));
    }

    private static int[] Primes(int count)
    {
        var primes = new List<int>(count);
        for (int candidate = 2; primes.Count < count; candidate++)
        {
            if (primes.TrueForAll(p => p * p > candidate || candidate % p != 0))
            {
                primes.Add(candidate);
            }
        }

        return [.. primes];
    }
}
