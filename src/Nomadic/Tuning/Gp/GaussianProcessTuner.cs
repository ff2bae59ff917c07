using Nomadic.Results;
using Nomadic.Tuning.Encoders;
using Nomadic.Tuning.Gp;
using Nomadic.Tuning.QuasiRandom;

namespace Nomadic.Tuning;

/// <summary>
/// Gaussian-process Bayesian optimization for small budgets (tens to a few hundred runs), after Optuna's GP sampler: a
/// Matérn 5/2 model of the scores with one length scale per parameter, fitted by maximum a posteriori estimation, and
/// the next configuration chosen by maximizing log expected improvement (Ament et al. 2023).
/// </summary>
/// <remarks>
/// <para>
/// The first <see cref="GaussianProcessOptions.StartupTrials"/> configurations come from a scrambled Halton design.
/// Numeric parameters are modelled on [0, 1] (log scale for log domains); integers and quantized floats are continuous
/// in the model but proposed on their grid; categorical parameters are compared by equality, never by order. Failed
/// and pruned runs are left out of the model. Configurations still running count as already scoring the best value
/// seen (a constant liar, Ginsbourger et al. 2010), so parallel workers spread out.
/// </para>
/// <para>
/// Each suggestion costs O(n³) in the number n of completed runs. When the model cannot be fitted the tuner falls back
/// to a random configuration rather than failing. Parameters declared with <see cref="Tune.GridSearch{T}(T[])"/> cycle
/// through their values as in <see cref="RandomTuner"/>; the model chooses the others.
/// </para>
/// </remarks>
public sealed class GaussianProcessTuner : ITuner, IGridSearchFollower
{
    private readonly GaussianProcessOptions _options;
    private readonly HyperparameterFitter _fitter = new();
    private SpaceEncoder? _encoder;
    private SearchSpace? _space;
    private Direction _direction;
    private System.Random _random = new(0);
    private HaltonSequence? _design;
    private AcquisitionOptimizer? _optimizer;
    private GridSearchCycle? _grid;

    /// <summary>Initializes a new instance of the <see cref="GaussianProcessTuner"/> class.</summary>
    /// <param name="options">The settings; by default <see cref="GaussianProcessOptions"/>' defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range.</exception>
    public GaussianProcessTuner(GaussianProcessOptions? options = null)
    {
        _options = options ?? new GaussianProcessOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "gp";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        SearchSpace space = setup.SearchSpace;
        _space = space;
        _encoder = new SpaceEncoder(space);
        _direction = setup.Direction;
        _random = new System.Random(_options.Seed ?? setup.Seed);
        _design = new HaltonSequence(_encoder.Dimension, _random);
        _optimizer = new AcquisitionOptimizer(_encoder, _random, _options.CandidateCount, _options.LocalSearches);
        _grid = new GridSearchCycle(space);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpaceEncoder encoder = _encoder ?? throw new InvalidOperationException("The tuner was not initialized.");
        double?[] pinned = Pinned(encoder, _grid!.Next());

        // A rejected suggestion was a duplicate the model would propose again; a random one breaks the loop.
        if (context.RejectedSuggestions > 0 || encoder.Dimension == 0)
        {
            return Draw(encoder, Uniform(encoder.Dimension), pinned);
        }

        var observations = Observations.Collect(context, encoder, _direction);
        if (observations.Values.Length < Math.Max(_options.StartupTrials, 1))
        {
            return Draw(encoder, _design!.Next(), pinned);
        }

        try
        {
            return Propose(encoder, observations, pinned) ?? Draw(encoder, Uniform(encoder.Dimension), pinned);
        }
        catch (Exception)
        {
            // A tuner must keep the experiment going: any numerical failure of the model falls back to random search.
            return Draw(encoder, Uniform(encoder.Dimension), pinned);
        }
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
        // The model is refitted from the context's finished runs at every suggestion, so there is nothing to keep.
    }

    private Dictionary<string, object?>? Propose(SpaceEncoder encoder, Observations observations, double?[] pinned)
    {
        KernelHyperparameters hyperparameters = _fitter.Fit(observations.Points, observations.Values, encoder.IsCategorical);
        double[][] points = [.. observations.Points, .. observations.Running];
        double[] values = [.. observations.Values, .. observations.Running.Select(_ => observations.BestValue)];
        var process = new GaussianProcess(points, values, hyperparameters, encoder.IsCategorical);
        var acquisition = new Acquisition(process, observations.BestValue);
        foreach (double[] point in _optimizer!.Maximize(acquisition, hyperparameters.LengthScales, observations.BestPoint, pinned))
        {
            Dictionary<string, object?> configuration = encoder.Decode(point);
            if (!observations.Known.Contains(encoder.Encode(_space!.Activate(configuration))!))
            {
                return configuration;
            }
        }

        return null;
    }

    private static double?[] Pinned(SpaceEncoder encoder, IReadOnlyDictionary<string, object?> gridPoint)
    {
        var pinned = new double?[encoder.Dimension];
        for (int j = 0; j < pinned.Length; j++)
        {
            if (gridPoint.TryGetValue(encoder.Names[j], out object? value) && encoder.Coders[j].TryEncode(value, out double coordinate))
            {
                pinned[j] = coordinate;
            }
        }

        return pinned;
    }

    private double[] Uniform(int dimension) => Enumerable.Range(0, dimension).Select(_ => _random.NextDouble()).ToArray();

    private static Dictionary<string, object?> Draw(SpaceEncoder encoder, double[] uniform, double?[] pinned) =>
        encoder.Decode(SpaceEncoder.Pin(encoder.FromUniform(uniform), pinned));

    /// <inheritdoc />
    void IGridSearchFollower.FollowGridSearch(GridSearchCycle leader) => _grid = leader.Follower();
}
