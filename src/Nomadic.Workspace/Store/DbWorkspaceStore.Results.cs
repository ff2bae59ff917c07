using System.Data.Common;
using System.Globalization;

namespace Nomadic.Workspace.Store;

/// <summary>Uploaded results and their runs, one row per trial number.</summary>
public abstract partial class DbWorkspaceStore
{
    private const string ResultColumns =
        "SELECT r.id, r.workspace_id, r.name, r.header, (SELECT count(*) FROM {p}workspace_result_runs x WHERE x.result_id = r.id), r.created_at, r.updated_at FROM {p}workspace_results r";

    /// <inheritdoc />
    public void CreateResult(ResultRecord result, IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(runs);
        InTransaction(session =>
        {
            session.Execute(
                "INSERT INTO {p}workspace_results (id, workspace_id, name, header, created_at, updated_at) VALUES (@id, @ws, @name, @header, @created, @updated)",
                ("id", Key(result.Id)), ("ws", result.WorkspaceId), ("name", result.Name), ("header", result.Header), ("created", Text(result.CreatedAt)), ("updated", Text(result.UpdatedAt)));
            WriteRuns(session, result.Id, runs);
            return true;
        });
    }

    /// <inheritdoc />
    public ResultRecord? FindResult(long workspaceId, Guid id) => WithSession(session =>
        session.Query(ResultColumns + " WHERE r.id = @id AND r.workspace_id = @ws", ReadResult, ("id", Key(id)), ("ws", workspaceId)).FirstOrDefault());

    /// <inheritdoc />
    public IReadOnlyList<ResultRecord> ListResults(long workspaceId) => WithSession(session =>
        session.Query(ResultColumns + " WHERE r.workspace_id = @ws ORDER BY r.created_at, r.id", ReadResult, ("ws", workspaceId)));

    /// <inheritdoc />
    public bool ReplaceResult(ResultRecord result, IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(runs);
        return InTransaction(session =>
        {
            int changed = session.Execute(
                "UPDATE {p}workspace_results SET name = @name, header = @header, updated_at = @updated WHERE id = @id AND workspace_id = @ws",
                ("name", result.Name), ("header", result.Header), ("updated", Text(result.UpdatedAt)), ("id", Key(result.Id)), ("ws", result.WorkspaceId));
            if (changed == 0)
            {
                return false;
            }

            session.Execute("DELETE FROM {p}workspace_result_runs WHERE result_id = @id", ("id", Key(result.Id)));
            WriteRuns(session, result.Id, runs);
            return true;
        });
    }

    /// <inheritdoc />
    public RunUpsert? UpsertRuns(long workspaceId, Guid id, IReadOnlyList<RunRecord> runs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return InTransaction(session =>
        {
            if (session.Execute("UPDATE {p}workspace_results SET updated_at = @at WHERE id = @id AND workspace_id = @ws", ("at", Text(now)), ("id", Key(id)), ("ws", workspaceId)) == 0)
            {
                return null;
            }

            var existing = session.Query("SELECT trial_number FROM {p}workspace_result_runs WHERE result_id = @id", r => r.GetInt32(0), ("id", Key(id))).ToHashSet();
            int replaced = runs.Count(r => existing.Contains(r.TrialNumber));
            WriteRuns(session, id, runs);
            return new RunUpsert(runs.Count - replaced, replaced, existing.Count + runs.Count - replaced);
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<RunRecord> ReadRuns(long workspaceId, Guid id) => WithSession(session => session.Query(
        "SELECT x.trial_number, x.run FROM {p}workspace_result_runs x JOIN {p}workspace_results r ON r.id = x.result_id WHERE r.id = @id AND r.workspace_id = @ws ORDER BY x.trial_number",
        r => new RunRecord(r.GetInt32(0), r.GetString(1)),
        ("id", Key(id)), ("ws", workspaceId)));

    /// <inheritdoc />
    public bool DeleteResult(long workspaceId, Guid id) => InTransaction(session =>
    {
        if (FindResultIn(session, workspaceId, id) is null)
        {
            return false;
        }

        // Runs first: SQLite enforces foreign keys (and so the cascade) only when a connection asks it to.
        session.Execute("DELETE FROM {p}workspace_result_runs WHERE result_id = @id", ("id", Key(id)));
        return session.Execute("DELETE FROM {p}workspace_results WHERE id = @id AND workspace_id = @ws", ("id", Key(id)), ("ws", workspaceId)) == 1;
    });

    private static ResultRecord? FindResultIn(DbSession session, long workspaceId, Guid id) =>
        session.Query(ResultColumns + " WHERE r.id = @id AND r.workspace_id = @ws", ReadResult, ("id", Key(id)), ("ws", workspaceId)).FirstOrDefault();

    private static void WriteRuns(DbSession session, Guid id, IReadOnlyList<RunRecord> runs)
    {
        foreach (RunRecord run in runs)
        {
            session.Execute(
                "INSERT INTO {p}workspace_result_runs (result_id, trial_number, run) VALUES (@id, @number, @run) ON CONFLICT (result_id, trial_number) DO UPDATE SET run = excluded.run",
                ("id", Key(id)), ("number", run.TrialNumber), ("run", run.Json));
        }
    }

    private static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static ResultRecord ReadResult(DbDataReader reader) => new(
        Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
        reader.GetInt64(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetString(3),
        Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
        Time(reader.GetString(5)),
        Time(reader.GetString(6)));
}
