using System.Data.Common;

namespace Nomadic.Workspace.Store;

/// <summary>Which stored experiments belong to which workspace.</summary>
public abstract partial class DbWorkspaceStore
{
    private const string ExperimentColumns = "SELECT workspace_id, experiment_id, storage_name, display_name, added_at, created_here FROM {p}workspace_experiments";

    /// <inheritdoc />
    public WorkspaceExperiment AddExperiment(WorkspaceExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return InTransaction(session =>
        {
            session.Execute(
                "INSERT INTO {p}workspace_experiments (storage_name, workspace_id, experiment_id, display_name, added_at, created_here) VALUES (@name, @ws, @id, @display, @at, @created) ON CONFLICT (storage_name) DO NOTHING",
                ("name", experiment.StorageName),
                ("ws", experiment.WorkspaceId),
                ("id", experiment.ExperimentId),
                ("display", experiment.DisplayName),
                ("at", Text(experiment.AddedAt)),
                ("created", experiment.CreatedHere ? 1 : 0));
            return session.Query(ExperimentColumns + " WHERE storage_name = @name", ReadExperiment, ("name", experiment.StorageName))[0];
        });
    }

    /// <inheritdoc />
    public WorkspaceExperiment? FindExperimentOwner(string storageName) =>
        WithSession(session => session.Query(ExperimentColumns + " WHERE storage_name = @name", ReadExperiment, ("name", storageName)).FirstOrDefault());

    /// <inheritdoc />
    public IReadOnlySet<string> ListOwnedStorageNames() =>
        WithSession(session => session.Query("SELECT storage_name FROM {p}workspace_experiments", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal));

    /// <inheritdoc />
    public IReadOnlyList<WorkspaceExperiment> ListExperiments(long workspaceId) =>
        WithSession(session => session.Query(ExperimentColumns + " WHERE workspace_id = @ws ORDER BY added_at, experiment_id", ReadExperiment, ("ws", workspaceId)));

    /// <inheritdoc />
    public bool RenameExperiment(long workspaceId, long experimentId, string displayName) => InTransaction(session => session.Execute(
        "UPDATE {p}workspace_experiments SET display_name = @display WHERE workspace_id = @ws AND experiment_id = @id",
        ("display", displayName), ("ws", workspaceId), ("id", experimentId)) > 0);

    /// <inheritdoc />
    public bool RemoveExperiment(long workspaceId, long experimentId) => InTransaction(session => session.Execute(
        "DELETE FROM {p}workspace_experiments WHERE workspace_id = @ws AND experiment_id = @id", ("ws", workspaceId), ("id", experimentId)) > 0);

    private static WorkspaceExperiment ReadExperiment(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), Time(reader.GetString(4))) { CreatedHere = reader.GetInt32(5) != 0 };
}
