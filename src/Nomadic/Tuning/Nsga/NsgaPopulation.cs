using Nomadic.Results;

namespace Nomadic.Tuning.Nsga;

/// <summary>
/// The generations of NSGA-II formed from finished runs in the order they finished: every <c>size</c> comparable runs
/// make a generation, and the parents are the best <c>size</c> of that generation and the previous parents, by
/// non-dominated rank, then crowding distance (elitist selection as in Deb et al. 2002 and Optuna's NSGAIISampler).
/// </summary>
/// <remarks>Failed and pruned runs, and runs missing an objective's value, are not comparable and take no part.</remarks>
internal sealed class NsgaPopulation
{
    private readonly int _size;
    private readonly Direction _direction;
    private readonly IReadOnlyList<ObjectiveMetric> _objectives;
    private readonly List<Member> _generation = [];
    private Member[] _parents = [];

    public NsgaPopulation(int size, Direction direction, IReadOnlyList<ObjectiveMetric> objectives)
    {
        _size = size;
        _direction = direction;
        _objectives = objectives;
    }

    /// <summary>Gets a value indicating whether the first generation is complete, so children can be bred.</summary>
    public bool HasParents => _parents.Length > 0;

    /// <summary>Adds a finished run to the current generation, closing it when it is full.</summary>
    public void Add(RunResult run)
    {
        if (ObjectiveVectors.Of(run, _direction, _objectives) is not double[] values)
        {
            return;
        }

        _generation.Add(new Member(run, values, 0, 0));
        if (_generation.Count >= _size)
        {
            _parents = SelectElite([.. _generation, .. _parents]);
            _generation.Clear();
        }
    }

    /// <summary>Picks a parent by binary tournament: of two members drawn at random, the lower rank, then the larger crowding distance.</summary>
    public RunResult Tournament(System.Random random)
    {
        Member first = _parents[random.Next(_parents.Length)];
        Member second = _parents[random.Next(_parents.Length)];
        bool secondWins = second.Rank < first.Rank || (second.Rank == first.Rank && second.Crowding > first.Crowding);
        return secondWins ? second.Run : first.Run;
    }

    private Member[] SelectElite(List<Member> candidates)
    {
        var points = candidates.Select(c => c.Values).ToList();
        var elite = new List<Member>(_size);
        List<int[]> fronts = NonDominatedSorting.Fronts(points);
        for (int rank = 0; rank < fronts.Count && elite.Count < _size; rank++)
        {
            int[] front = fronts[rank];
            double[] crowding = NonDominatedSorting.CrowdingDistances(points, front);
            IEnumerable<int> order = Enumerable.Range(0, front.Length);
            if (elite.Count + front.Length > _size)
            {
                // The last front that fits only in part keeps its least crowded members (stable for ties).
                order = order.OrderByDescending(i => crowding[i]).Take(_size - elite.Count);
            }

            elite.AddRange(order.Select(i => candidates[front[i]] with { Rank = rank, Crowding = crowding[i] }));
        }

        return [.. elite];
    }

    private sealed record Member(RunResult Run, double[] Values, int Rank, double Crowding);
}
