namespace Nomadic.Tuning;

/// <summary>How <see cref="NsgaIITuner"/> mixes two parents' numeric parameters; categorical parameters always take one parent's value.</summary>
public enum NsgaIICrossover
{
    /// <summary>Each parameter comes from one parent or the other (Optuna's <c>UniformCrossover</c>, its default).</summary>
    Uniform,

    /// <summary>
    /// Simulated binary crossover on the parameters' unit coordinates (Deb and Agrawal 1995, bounded as in Optuna's
    /// <c>SBXCrossover</c>): children spread around the parents, closer for a larger <see cref="NsgaIIOptions.SbxEta"/>.
    /// </summary>
    Sbx,
}
