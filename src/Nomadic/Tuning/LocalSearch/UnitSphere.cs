namespace Nomadic.Tuning.LocalSearch;

/// <summary>Draws directions uniformly from the unit sphere: a vector of independent normal draws, normalized (Muller 1959).</summary>
internal static class UnitSphere
{
    /// <summary>Draws a direction and scales it.</summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="dimension">The number of coordinates, at least 1.</param>
    /// <param name="length">The length of the returned vector.</param>
    /// <returns>A new vector of the given length pointing in a uniformly random direction.</returns>
    public static double[] Draw(System.Random random, int dimension, double length)
    {
        var vector = new double[dimension];
        double norm;
        do
        {
            for (int j = 0; j < dimension; j++)
            {
                vector[j] = Normal(random);
            }

            norm = Math.Sqrt(vector.Sum(v => v * v));
        }
        while (!(norm > 1e-12));

        for (int j = 0; j < dimension; j++)
        {
            vector[j] *= length / norm;
        }

        return vector;
    }

    // Box–Muller; 1 - u keeps the logarithm's argument in (0, 1].
    private static double Normal(System.Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
