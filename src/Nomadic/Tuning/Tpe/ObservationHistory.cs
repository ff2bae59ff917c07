using Nomadic.Results;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// The finished runs the estimators learn from, as flat arrays of model coordinates per parameter in the order the
/// runs were observed, with a ranking kept sorted as runs arrive, so a suggestion never re-reads or re-sorts the runs.
/// </summary>
/// <remarks>
/// As in Optuna, failed runs are left out, and pruned runs rank after every completed run (by the last score they
/// reported; Optuna ranks them by their last step first, which a run result does not carry). With objectives besides
/// the score, each run's objective vector is kept too (see <see cref="ObjectiveVectors"/>), and a completed run missing
/// one of the values ranks with the pruned runs.
/// </remarks>
internal sealed class ObservationHistory
{
    private readonly TpeSpace _space;
    private readonly double _sign;
    private readonly Direction _direction;
    private readonly IReadOnlyList<ObjectiveMetric> _objectives;
    private readonly bool[] _keepSorted;
    private readonly double[][] _values;
    private readonly double[][] _sortedValues;
    private readonly int[][] _sortedIds;
    private readonly double[] _parsed;
    private byte[] _tier = [];
    private double[] _loss = [];
    private int[] _ranking = [];
    private double[]?[] _vectors = [];

    public ObservationHistory(TpeSpace space, Direction direction, bool keepSortedNumbers, IReadOnlyList<ObjectiveMetric>? objectives = null)
    {
        _space = space;
        _sign = direction == Direction.Minimize ? 1.0 : -1.0;
        _direction = direction;
        _objectives = objectives ?? [];
        int count = space.Count;
        _keepSorted = new bool[count];
        _values = new double[count][];
        _sortedValues = new double[count][];
        _sortedIds = new int[count][];
        _parsed = new double[count];
        for (int p = 0; p < count; p++)
        {
            _keepSorted[p] = keepSortedNumbers && space.Scales[p] is NumericScale;
            _values[p] = [];
            _sortedValues[p] = [];
            _sortedIds[p] = [];
        }
    }

    /// <summary>Gets the number of runs in the model.</summary>
    public int Count { get; private set; }

    /// <summary>Gets a value indicating whether the runs are compared on objectives besides the score.</summary>
    public bool HasObjectives => _objectives.Count > 0;

    /// <summary>Gets the ids of the runs from best to worst by the score; ties keep the order of observation.</summary>
    public ReadOnlySpan<int> Ranking => _ranking.AsSpan(0, Count);

    /// <summary>Gets the model coordinates of a parameter, by run id (the order of observation).</summary>
    public ReadOnlySpan<double> Values(int parameter) => _values[parameter].AsSpan(0, Count);

    /// <summary>Gets the coordinates of a numeric parameter in ascending order (kept only for independent TPE).</summary>
    public ReadOnlySpan<double> SortedValues(int parameter) => _sortedValues[parameter].AsSpan(0, Count);

    /// <summary>Gets the run ids in the order of <see cref="SortedValues"/>.</summary>
    public ReadOnlySpan<int> SortedIds(int parameter) => _sortedIds[parameter].AsSpan(0, Count);

    /// <summary>
    /// Gets a run's objective vector, lower better in every coordinate, or <see langword="null"/> when it lacks a value
    /// or there are no objectives besides the score.
    /// </summary>
    public double[]? Vector(int id) => HasObjectives ? _vectors[id] : null;

    /// <summary>Adds a finished run, unless it failed or its parameters do not fit the space.</summary>
    public void Add(RunResult run)
    {
        bool pruned = run.Status == RunStatus.Pruned;
        if (!(pruned || (run.Status == RunStatus.Completed && !double.IsNaN(run.Score))) || !_space.TryParse(run.Params, _parsed))
        {
            return;
        }

        int id = Count;
        Grow(id + 1);
        double[]? vector = HasObjectives ? ObjectiveVectors.Of(run, _direction, _objectives) : null;
        _tier[id] = pruned || (HasObjectives && vector is null) ? (byte)1 : (byte)0;
        if (HasObjectives)
        {
            _vectors[id] = vector;
        }

        _loss[id] = double.IsNaN(run.Score) ? double.PositiveInfinity : _sign * run.Score;
        Insert(_ranking, id, RankOf(id), id);
        for (int p = 0; p < _parsed.Length; p++)
        {
            _values[p][id] = _parsed[p];
            if (_keepSorted[p])
            {
                int at = UpperBound(_sortedValues[p].AsSpan(0, id), _parsed[p]);
                Insert(_sortedValues[p], id, at, _parsed[p]);
                Insert(_sortedIds[p], id, at, id);
            }
        }

        Count = id + 1;
    }

    // The first ranking position whose run is worse than run `id`, so equal runs stay in the order they came.
    private int RankOf(int id)
    {
        int low = 0;
        int high = Count;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            int other = _ranking[mid];
            bool worse = _tier[other] > _tier[id] || (_tier[other] == _tier[id] && _loss[other] > _loss[id]);
            (low, high) = worse ? (low, mid) : (mid + 1, high);
        }

        return low;
    }

    // After the values equal to `value`, so equal values stay in the order they came.
    private static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            (low, high) = sorted[mid] > value ? (low, mid) : (mid + 1, high);
        }

        return low;
    }

    private static void Insert<T>(T[] array, int count, int at, T item)
    {
        Array.Copy(array, at, array, at + 1, count - at);
        array[at] = item;
    }

    private void Grow(int needed)
    {
        if (needed <= _loss.Length)
        {
            return;
        }

        int capacity = Math.Max(64, _loss.Length * 2);
        Array.Resize(ref _tier, capacity);
        Array.Resize(ref _loss, capacity);
        Array.Resize(ref _ranking, capacity);
        if (HasObjectives)
        {
            Array.Resize(ref _vectors, capacity);
        }

        for (int p = 0; p < _values.Length; p++)
        {
            Array.Resize(ref _values[p], capacity);
            if (_keepSorted[p])
            {
                Array.Resize(ref _sortedValues[p], capacity);
                Array.Resize(ref _sortedIds[p], capacity);
            }
        }
    }
}
