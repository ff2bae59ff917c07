using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Workspace.Api;

/// <summary>
/// A page of runs: <c>?offset=&amp;limit=</c>, <c>?sort=score|-score|trial|-trial|duration|-duration</c>,
/// <c>?status=completed|failed|pruned</c> and exact matches on <c>param.NAME=VALUE</c> or <c>metadata.KEY=VALUE</c>.
/// </summary>
internal sealed class RunQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly string[] Sorts = ["score", "-score", "trial", "-trial", "duration", "-duration"];
    private readonly List<(string Key, string Value, bool IsParam)> _filters = [];

    public int Offset { get; private init; }

    public int Limit { get; private init; } = DefaultLimit;

    public string Sort { get; private init; } = "trial";

    public RunStatus? Status { get; private init; }

    /// <summary>Reads the query string; an unknown key or a bad value is a 400 naming it.</summary>
    public static RunQuery Parse(IQueryCollection query)
    {
        var parsed = new RunQuery
        {
            Offset = Integer(query, "offset", 0, 0, int.MaxValue),
            Limit = Integer(query, "limit", DefaultLimit, 1, MaxLimit),
            Sort = query.TryGetValue("sort", out var sort) ? Sorts.Contains(sort.ToString(), StringComparer.Ordinal) ? sort.ToString()
                : throw ApiProblem.BadRequest($"\"sort\" must be one of {string.Join(", ", Sorts)}.") : "trial",
            Status = query.TryGetValue("status", out var status) ? status.ToString() switch
            {
                "completed" => RunStatus.Completed,
                "failed" => RunStatus.Failed,
                "pruned" => RunStatus.Pruned,
                _ => throw ApiProblem.BadRequest("\"status\" must be completed, failed or pruned."),
            } : null,
        };
        foreach ((string key, var values) in query)
        {
            bool isParam = key.StartsWith("param.", StringComparison.Ordinal);
            if (isParam || key.StartsWith("metadata.", StringComparison.Ordinal))
            {
                parsed._filters.Add((key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..], values.ToString(), isParam));
            }
            else if (key is not ("offset" or "limit" or "sort" or "status"))
            {
                throw ApiProblem.BadRequest($"Unknown query parameter \"{key}\" (expected offset, limit, sort, status, param.NAME or metadata.KEY).");
            }
        }

        return parsed;
    }

    /// <summary>Filters, sorts and pages the runs.</summary>
    public (IReadOnlyList<RunResult> Page, int Total) Apply(IEnumerable<RunResult> runs)
    {
        List<RunResult> matching = runs.Where(Matches).ToList();
        IEnumerable<RunResult> sorted = Sort switch
        {
            "score" => matching.OrderBy(r => double.IsNaN(r.Score)).ThenBy(r => r.Score),
            "-score" => matching.OrderBy(r => double.IsNaN(r.Score)).ThenByDescending(r => r.Score),
            "duration" => matching.OrderBy(r => r.Duration is null).ThenBy(r => r.Duration),
            "-duration" => matching.OrderBy(r => r.Duration is null).ThenByDescending(r => r.Duration),
            "-trial" => matching.OrderByDescending(r => r.TrialNumber),
            _ => matching.OrderBy(r => r.TrialNumber),
        };
        return (sorted.Skip(Offset).Take(Limit).ToList(), matching.Count);
    }

    private bool Matches(RunResult run) =>
        (Status is null || run.Status == Status)
        && _filters.All(f => (f.IsParam ? run.Params : run.Metadata).TryGetValue(f.Key, out object? value) && SameValue(value, f.Value));

    private static bool SameValue(object? value, string text) => value switch
    {
        null => text is "null" or "",
        bool b => text.Equals(b ? "true" : "false", StringComparison.OrdinalIgnoreCase),
        string s => s == text,
        IConvertible number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double wanted) =>
            number.ToDouble(CultureInfo.InvariantCulture).Equals(wanted),
        _ => string.Equals(Convert.ToString(value, CultureInfo.InvariantCulture), text, StringComparison.Ordinal),
    };

    private static int Integer(IQueryCollection query, string key, int fallback, int min, int max)
    {
        if (!query.TryGetValue(key, out var text))
        {
            return fallback;
        }

        return int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw ApiProblem.BadRequest($"\"{key}\" must be an integer from {min} to {max}.");
    }
}
