namespace Nomadic.Tuning.Gp;

/// <summary>The hyperparameters of the Matérn 5/2 kernel with automatic relevance determination, plus the noise.</summary>
/// <param name="InverseSquaredLengthScales">1/ℓ² for each coordinate: large when the objective changes fast along it.</param>
/// <param name="SignalVariance">The prior variance of the latent function.</param>
/// <param name="NoiseVariance">The variance of the observation noise.</param>
internal sealed record KernelHyperparameters(double[] InverseSquaredLengthScales, double SignalVariance, double NoiseVariance)
{
    /// <summary>Gets the length scale ℓ of each coordinate.</summary>
    public double[] LengthScales => InverseSquaredLengthScales.Select(v => 1 / Math.Sqrt(v)).ToArray();

    /// <summary>Returns the starting point of a fit without history: unit length scales and variances, as Optuna starts.</summary>
    /// <param name="dimension">The number of coordinates.</param>
    /// <returns>The hyperparameters.</returns>
    public static KernelHyperparameters Default(int dimension) => new(Enumerable.Repeat(1.0, dimension).ToArray(), 1.0, 1.0);
}
