namespace Nomadic.Tuning.LocalSearch;

/// <summary>
/// One local search: FLOW², the randomized direct search of CFO (Wu, Wang and Huang 2021, "Frugal Optimization for
/// Cost-related Hyperparameters"). From the incumbent x it proposes x + δu and then x − δu along a random unit direction
/// u, moves to the first proposal that improves, and halves δ after 2^(d−1) directions in a row fail.
/// </summary>
/// <remarks>
/// Values are minimized. As in FLAML, δ starts at 0.1·√d and never exceeds √d; after a first reduction each
/// improvement doubles it again (FLAML undoes its last reduction), so the step follows the landscape's scale. The
/// thread has converged once δ falls below the space's lower bound.
/// </remarks>
internal sealed class LocalThread
{
    private readonly UnitSpace _space;
    private readonly System.Random _random;
    private readonly double _minimumStep;
    private readonly double _maximumStep;
    private readonly int _patience;
    private double[]? _opposite;
    private int _failures;
    private bool _reduced;
    private bool _startProposed;

    /// <summary>Initializes a new instance of the <see cref="LocalThread"/> class.</summary>
    /// <param name="space">The normalized space, of dimension at least 1.</param>
    /// <param name="start">The start point; proposed first unless <paramref name="value"/> is known.</param>
    /// <param name="value">The value at the start point, +∞ when it has not been evaluated.</param>
    /// <param name="cost">The cost spent to evaluate it.</param>
    /// <param name="settings">The step sizes.</param>
    /// <param name="random">The seeded source of directions.</param>
    public LocalThread(UnitSpace space, double[] start, double value, double cost, LocalSearchSettings settings, System.Random random)
    {
        _space = space;
        _random = random;
        _minimumStep = settings.MinStepSize;
        _maximumStep = Math.Sqrt(space.Dimension);
        _patience = 1 << Math.Min(9, space.Dimension);
        Incumbent = (double[])start.Clone();
        Best = value;
        _startProposed = double.IsFinite(value);
        double lowerBound = space.StepLowerBound(Incumbent, _minimumStep);
        double step = settings.InitialStepSize * _maximumStep;
        Step = Math.Min(lowerBound > step ? 2 * lowerBound : step, _maximumStep);
        Progress = new ThreadProgress(double.IsFinite(value) ? value : double.PositiveInfinity, double.IsFinite(value) ? cost : 0);
    }

    /// <summary>Gets the best point found.</summary>
    public double[] Incumbent { get; private set; }

    /// <summary>Gets the value at the incumbent; +∞ until one is known.</summary>
    public double Best { get; private set; }

    /// <summary>Gets a number that changes whenever the incumbent does.</summary>
    public int Version { get; private set; }

    /// <summary>Gets the step size δ, a distance in the normalized space.</summary>
    public double Step { get; private set; }

    /// <summary>Gets a value indicating whether the step fell below the lower bound, so the thread has nothing left to try.</summary>
    public bool IsConverged { get; private set; }

    /// <summary>Gets or sets a value indicating whether the thread still searches; results of a removed thread are ignored.</summary>
    public bool IsAlive { get; set; } = true;

    /// <summary>Gets the thread's speed and cost, for BlendSearch's priority.</summary>
    public ThreadProgress Progress { get; }

    /// <summary>Proposes the next point: the start point first, then x + δu and x − δu for a new random u.</summary>
    /// <returns>A new point inside the unit cube.</returns>
    public double[] Propose()
    {
        if (!_startProposed)
        {
            _startProposed = true;
            return (double[])Incumbent.Clone();
        }

        double[] move;
        if (_opposite is null)
        {
            move = UnitSphere.Draw(_random, Incumbent.Length, Step);
            _opposite = move;
        }
        else
        {
            move = _opposite.Select(m => -m).ToArray();
            _opposite = null;
        }

        return Incumbent.Select((x, j) => Math.Clamp(x + move[j], 0.0, 1.0)).ToArray();
    }

    /// <summary>Learns the value of a point the thread proposed.</summary>
    /// <param name="version">The <see cref="Version"/> when it was proposed.</param>
    /// <param name="point">The point.</param>
    /// <param name="value">Its value; <see cref="double.NaN"/> for a failed or pruned run, which never improves.</param>
    public void Report(int version, double[] point, double value)
    {
        if (value < Best)
        {
            Move(point, value);
            return;
        }

        // Only failures around the current incumbent say the step is too long for it.
        if (version == Version && ++_failures >= _patience)
        {
            _failures = 0;
            _reduced = true;
            Step /= 2;
            IsConverged = Step < _space.StepLowerBound(Incumbent, _minimumStep);
        }
    }

    /// <summary>Moves to a point found by someone else when it is better than the incumbent.</summary>
    /// <param name="point">The point.</param>
    /// <param name="value">Its value.</param>
    public void Adopt(double[] point, double value)
    {
        if (value < Best)
        {
            Move(point, value);
        }
    }

    /// <summary>Gets the Euclidean distance between the incumbents of two threads.</summary>
    /// <param name="other">The other thread.</param>
    /// <returns>The distance in the normalized space.</returns>
    public double DistanceTo(LocalThread other) =>
        Math.Sqrt(Incumbent.Select((x, j) => (x - other.Incumbent[j]) * (x - other.Incumbent[j])).Sum());

    private void Move(double[] point, double value)
    {
        Incumbent = (double[])point.Clone();
        Best = value;
        Version++;
        _failures = 0;
        _opposite = null;
        _startProposed = true;
        if (_reduced)
        {
            Step = Math.Min(2 * Step, _maximumStep);
        }
    }
}
