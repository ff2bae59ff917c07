namespace Nomadic.Tuning.Tpe;

/// <summary>
/// One suggestion's view of the observations: the finished runs plus (with the constant liar) the running
/// configurations, divided into the γ best ("below", modelled by l(x)) and the rest ("above", modelled by g(x)), each
/// observation weighted by its age within its group.
/// </summary>
/// <remarks>
/// With objectives besides the score, the "below" group and its weights come from <see cref="ParetoSelection"/>; the
/// "above" group is weighted by age either way. Ids below <see cref="FinishedCount"/> are finished runs; the ids after them are running configurations, which
/// rank after every finished run, as Optuna's constant liar ranks running trials after completed and pruned ones.
/// </remarks>
internal sealed class ObservationSplit
{
    private readonly TpeSpace _space;
    private readonly TpeOptions _options;
    private readonly double[][] _running;
    private readonly double[] _parsed;
    private readonly ParetoSelection _pareto = new();
    private ObservationHistory? _history;
    private int[] _below = [];
    private bool[] _isBelow = [];
    private double[] _weights = [];

    public ObservationSplit(TpeSpace space, TpeOptions options)
    {
        _space = space;
        _options = options;
        _running = new double[space.Count][];
        Array.Fill(_running, []);
        _parsed = new double[space.Count];
    }

    public int FinishedCount { get; private set; }

    public int RunningCount { get; private set; }

    public int Total => FinishedCount + RunningCount;

    public int BelowCount { get; private set; }

    /// <summary>Gets the ids of the "below" group in the order they were observed.</summary>
    public ReadOnlySpan<int> Below => _below.AsSpan(0, BelowCount);

    /// <summary>Gets, by id, whether the observation is in the "below" group.</summary>
    public ReadOnlySpan<bool> IsBelow => _isBelow.AsSpan(0, Total);

    /// <summary>Gets, by id, the observation's weight within its group.</summary>
    public ReadOnlySpan<double> Weights => _weights.AsSpan(0, Total);

    /// <summary>Gets the model coordinate of a parameter of an observation.</summary>
    public double Value(int parameter, int id) =>
        id < FinishedCount ? _history!.Values(parameter)[id] : _running[parameter][id - FinishedCount];

    /// <summary>Gets the number of observations in a group.</summary>
    public int GroupSize(bool below) => below ? BelowCount : Total - BelowCount;

    /// <summary>Copies a parameter's coordinates of a group's observations, in the order they were observed.</summary>
    public void CopyGroup(int parameter, bool below, Span<double> target) =>
        Copy(_history!.Values(parameter), _running[parameter], below, target);

    /// <summary>Copies the weights of a group's observations, in the order they were observed.</summary>
    public void CopyGroupWeights(bool below, Span<double> target) =>
        Copy(_weights.AsSpan(0, FinishedCount), _weights.AsSpan(FinishedCount), below, target);

    /// <summary>Takes in the finished runs and the running configurations (those that fit the space).</summary>
    public void Update(ObservationHistory history, IEnumerable<IReadOnlyDictionary<string, object?>> running)
    {
        _history = history;
        FinishedCount = history.Count;
        RunningCount = 0;
        foreach (IReadOnlyDictionary<string, object?> configuration in running)
        {
            if (!_space.TryParse(configuration, _parsed))
            {
                continue;
            }

            for (int p = 0; p < _parsed.Length; p++)
            {
                if (_running[p].Length == RunningCount)
                {
                    Array.Resize(ref _running[p], Math.Max(8, RunningCount * 2));
                }

                _running[p][RunningCount] = _parsed[p];
            }

            RunningCount++;
        }
    }

    /// <summary>Divides the observations into the groups and weighs them.</summary>
    /// <exception cref="InvalidOperationException">The options' γ or weight function returned an invalid value.</exception>
    public void Partition()
    {
        // As in Optuna, γ counts finished runs only: running configurations join the "above" group without moving
        // the boundary.
        int total = Total;
        int gamma = _options.Gamma(FinishedCount);
        if (gamma < 0)
        {
            throw new InvalidOperationException($"TpeOptions.Gamma returned {gamma} for {FinishedCount} runs; it must not be negative.");
        }

        BelowCount = Math.Min(gamma, total);
        if (_weights.Length < total)
        {
            Array.Resize(ref _below, Math.Max(total, _below.Length * 2));
            Array.Resize(ref _isBelow, _below.Length);
            Array.Resize(ref _weights, _below.Length);
        }

        if (_history!.HasObjectives)
        {
            _pareto.Choose(_history, _below.AsSpan(0, BelowCount));
        }
        else
        {
            ReadOnlySpan<int> ranking = _history.Ranking;
            for (int i = 0; i < BelowCount; i++)
            {
                _below[i] = i < ranking.Length ? ranking[i] : i;
            }
        }

        Array.Sort(_below, 0, BelowCount);
        Array.Clear(_isBelow, 0, total);
        for (int i = 0; i < BelowCount; i++)
        {
            _isBelow[_below[i]] = true;
        }

        if (_history.HasObjectives)
        {
            _pareto.Weigh(_history, Below, _weights);
        }
        else
        {
            for (int i = 0; i < BelowCount; i++)
            {
                _weights[_below[i]] = Weight(i, BelowCount);
            }
        }

        int aboveCount = total - BelowCount;
        for (int id = 0, rank = 0; id < total; id++)
        {
            if (!_isBelow[id])
            {
                _weights[id] = Weight(rank++, aboveCount);
            }
        }
    }

    private void Copy(ReadOnlySpan<double> finished, ReadOnlySpan<double> running, bool below, Span<double> target)
    {
        if (below)
        {
            for (int i = 0; i < BelowCount; i++)
            {
                int id = _below[i];
                target[i] = id < FinishedCount ? finished[id] : running[id - FinishedCount];
            }

            return;
        }

        int k = 0;
        for (int id = 0; id < FinishedCount; id++)
        {
            if (!_isBelow[id])
            {
                target[k++] = finished[id];
            }
        }

        for (int r = 0; r < RunningCount; r++)
        {
            if (!_isBelow[FinishedCount + r])
            {
                target[k++] = running[r];
            }
        }
    }

    private double Weight(int position, int count)
    {
        double weight = _options.Weights(position, count);
        return double.IsFinite(weight) && weight >= 0
            ? weight
            : throw new InvalidOperationException($"TpeOptions.Weights returned {weight} for position {position} of {count}; weights must be finite and not negative.");
    }
}
