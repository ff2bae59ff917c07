namespace Nomadic.Tuning;

/// <summary>The settings of a <see cref="NsgaIITuner"/>; the defaults are those of Optuna's <c>NSGAIISampler</c>.</summary>
public sealed class NsgaIIOptions
{
    /// <summary>Gets the number of runs in a generation, and of parents kept from one generation to the next.</summary>
    /// <value>The default value is 50; at least 2.</value>
    public int PopulationSize { get; init; } = 50;

    /// <summary>Gets the probability that a child mixes its two parents; otherwise it copies the first.</summary>
    /// <value>The default value is 0.9.</value>
    public double CrossoverProbability { get; init; } = 0.9;

    /// <summary>Gets the probability that each parameter of a child is drawn again at random (mutation).</summary>
    /// <value>The default value is <see langword="null"/>: 1/d for d tuned parameters (those not declared with <see cref="Tune.GridSearch{T}(T[])"/>).</value>
    public double? MutationProbability { get; init; }

    /// <summary>Gets how numeric parameters are mixed.</summary>
    /// <value>The default value is <see cref="NsgaIICrossover.Uniform"/>.</value>
    public NsgaIICrossover Crossover { get; init; } = NsgaIICrossover.Uniform;

    /// <summary>Gets the probability, per parameter, of taking the second parent's value (or child) rather than the first's.</summary>
    /// <value>The default value is 0.5.</value>
    public double SwappingProbability { get; init; } = 0.5;

    /// <summary>Gets the distribution index η of simulated binary crossover: larger keeps children closer to their parents.</summary>
    /// <value>The default value is <see langword="null"/>: 20 with extra objectives, 2 with the score alone (as Optuna).</value>
    public double? SbxEta { get; init; }

    /// <summary>Gets the seed; the same seed and the same runs give the same suggestions.</summary>
    /// <value>The default value is <see langword="null"/>: the experiment's seed.</value>
    public int? Seed { get; init; }

    internal void Validate()
    {
        if (PopulationSize < 2)
        {
            throw new ArgumentException($"PopulationSize must be at least 2, got {PopulationSize}.");
        }

        CheckProbability(nameof(CrossoverProbability), CrossoverProbability);
        CheckProbability(nameof(SwappingProbability), SwappingProbability);
        if (MutationProbability is double mutation)
        {
            CheckProbability(nameof(MutationProbability), mutation);
        }

        if (SbxEta is double eta && !(eta > 0 && double.IsFinite(eta)))
        {
            throw new ArgumentException($"SbxEta must be a positive number, got {eta}.");
        }

        if (!Enum.IsDefined(Crossover))
        {
            throw new ArgumentException($"Crossover {(int)Crossover} is not a known crossover.");
        }
    }

    private static void CheckProbability(string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"{name} must be between 0 and 1, got {value}.");
        }
    }
}
