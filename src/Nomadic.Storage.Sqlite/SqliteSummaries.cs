using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Nomadic.Storage.Sqlite;

/// <summary>
/// Lists experiment summaries, keeping each one with the experiment's <c>last_version</c>: a listing reads the
/// experiments' versions (one query) and counts again only the experiments changed since the last listing (a second
/// query), so the trials' writes pay for no counters and a listing without changes walks no trials.
/// </summary>
internal sealed class SqliteSummaries
{
    private const string Versions = "SELECT id, name, created_at, last_version FROM experiments ORDER BY id";

    // Counts per state, and the best score in the experiment's direction with its earliest trial, both through the
    // (experiment_id, state) index: no index or counter of their own, which every trial's write would pay for. The best
    // scores are materialized first; inlined, SQLite evaluates them again for every trial the earliest-trial lookup reads.
    private const string Changed = """
        WITH b AS MATERIALIZED (
            SELECT x.id, CASE x.direction
                WHEN 'maximize' THEN (SELECT max(score) FROM trials WHERE experiment_id = x.id AND state = 'completed')
                ELSE (SELECT min(score) FROM trials WHERE experiment_id = x.id AND state = 'completed') END AS score
            FROM experiments AS x WHERE x.id IN ({ids})),
        c AS MATERIALIZED (SELECT experiment_id, state, count(*) AS n FROM trials WHERE experiment_id IN ({ids}) GROUP BY experiment_id, state)
        SELECT e.id, e.name, e.direction, e.search_space, e.settings, e.created_at, c.state, c.n, b.score,
               (SELECT min(n.number) FROM trials AS n WHERE n.experiment_id = e.id AND n.state = 'completed' AND n.score = b.score)
        FROM experiments AS e
        JOIN b ON b.id = e.id
        LEFT JOIN c ON c.experiment_id = e.id
        WHERE e.id IN ({ids})
        ORDER BY e.id
        """;

    private readonly Lock _gate = new();
    private Dictionary<long, Entry> _kept = [];

    /// <summary>Lists every experiment's summary in id order, reading again only what changed since the last listing.</summary>
    public IReadOnlyList<StoredExperimentSummary> List(SqliteSession session)
    {
        var versions = new List<Entry>();
        using (SqliteDataReader reader = session.Query(Versions))
        {
            while (reader.Read())
            {
                versions.Add(new Entry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), null));
            }
        }

        Dictionary<long, Entry> kept;
        lock (_gate)
        {
            kept = _kept;
        }

        List<long> changed = [.. versions.Where(v => !kept.TryGetValue(v.Id, out Entry? k) || !k.SameVersionAs(v)).Select(v => v.Id)];
        Dictionary<long, StoredExperimentSummary> fresh = changed.Count == 0 ? [] : Read(session, changed);
        var next = new Dictionary<long, Entry>(versions.Count);
        var summaries = new List<StoredExperimentSummary>(versions.Count);
        foreach (Entry version in versions)
        {
            StoredExperimentSummary? summary = fresh.TryGetValue(version.Id, out StoredExperimentSummary? read) ? read : kept.GetValueOrDefault(version.Id)?.Summary;
            if (summary is not null)
            {
                next[version.Id] = version with { Summary = summary };
                summaries.Add(summary);
            }
        }

        lock (_gate)
        {
            _kept = next;
        }

        return summaries;
    }

    private static Dictionary<long, StoredExperimentSummary> Read(SqliteSession session, List<long> ids)
    {
        string list = string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        using SqliteDataReader reader = session.Query(Changed.Replace("{ids}", list, StringComparison.Ordinal));
        var best = new List<(double? Score, int? Number)>();
        List<StoredExperiment> experiments = SqliteExperiments.ReadAll(reader, r => best.Add((r.IsDBNull(8) ? null : r.GetDouble(8), r.IsDBNull(9) ? null : r.GetInt32(9))));
        return experiments.Select((e, i) => new StoredExperimentSummary(e, best[i].Score, best[i].Number)).ToDictionary(s => s.Experiment.Id);
    }

    // An experiment as a listing saw it: a deleted experiment's id may come back with another name or creation time.
    private sealed record Entry(long Id, string Name, string CreatedAt, long Version, StoredExperimentSummary? Summary)
    {
        public bool SameVersionAs(Entry other) => Version == other.Version && Name == other.Name && CreatedAt == other.CreatedAt;
    }
}
