namespace Nomadic.Tuning.Nsga;

/// <summary>
/// Simulated binary crossover (Deb and Agrawal 1995) on coordinates in [0, 1], in the bounded form of Optuna's
/// <c>SBXCrossover</c>: the spread factor's distribution is cut so children never leave the bounds, and each coordinate
/// of the one child returned comes from the children or, with even odds, from the parents.
/// </summary>
internal static class SimulatedBinaryCrossover
{
    // Optuna's use_child_gene_prob: the chance a coordinate comes from the SBX children rather than the parents.
    private const double ChildGeneProbability = 0.5;

    /// <summary>Returns one child of two parents.</summary>
    /// <param name="first">The first parent's coordinates.</param>
    /// <param name="second">The second parent's coordinates.</param>
    /// <param name="eta">The distribution index, positive.</param>
    /// <param name="swapping">The probability of swapping the pair a coordinate is taken from.</param>
    /// <param name="random">The seeded source.</param>
    /// <returns>The child's coordinates, each in [0, 1].</returns>
    public static double[] Child(double[] first, double[] second, double eta, double swapping, System.Random random)
    {
        var childA = new double[first.Length];
        var childB = new double[first.Length];
        for (int i = 0; i < first.Length; i++)
        {
            double low = Math.Min(first[i], second[i]);
            double high = Math.Max(first[i], second[i]);
            double diff = Math.Max(high - low, 1e-10);
            double u = random.NextDouble();
            double c1 = 0.5 * (low + high - (SpreadFactor(1 + (2 * low / diff), eta, u) * diff));
            double c2 = 0.5 * (low + high + (SpreadFactor(1 + (2 * (1 - high) / diff), eta, u) * diff));
            (double a, double b) = random.NextDouble() < ChildGeneProbability ? (c1, c2) : (first[i], second[i]);
            bool swap = random.NextDouble() < swapping;
            childA[i] = Math.Clamp(swap ? b : a, 0.0, 1.0);
            childB[i] = Math.Clamp(swap ? a : b, 0.0, 1.0);
        }

        return random.NextDouble() < 0.5 ? childA : childB;
    }

    // Equation (3) of Raghuwanshi and Kakde's SBX summary with the bound-respecting alpha of Deb's bounded SBX.
    private static double SpreadFactor(double beta, double eta, double u)
    {
        double alpha = 2 - Math.Pow(beta, -(eta + 1));
        return u > 1 / alpha
            ? Math.Pow(1 / (2 - (u * alpha)), 1 / (eta + 1))
            : Math.Pow(u * alpha, 1 / (eta + 1));
    }
}
