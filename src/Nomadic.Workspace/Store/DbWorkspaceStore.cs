using System.Data.Common;
using System.Globalization;

namespace Nomadic.Workspace.Store;

/// <summary>
/// The <see cref="IWorkspaceStore"/> both databases share: plain SQL that SQLite and PostgreSQL read alike, one
/// connection per call, one transaction per change. Times are kept as ISO 8601 text. Only this assembly derives from it:
/// <see cref="SqliteWorkspaceStore"/> and <see cref="PostgresWorkspaceStore"/>.
/// </summary>
public abstract partial class DbWorkspaceStore : IWorkspaceStore
{
    private const string WorkspaceColumns = "SELECT w.id, w.name, w.created_at, w.may_adopt FROM {p}workspaces w";
    private readonly string _prefix;

    /// <summary>Initializes a new instance of the <see cref="DbWorkspaceStore"/> class.</summary>
    /// <param name="prefix">What table names are prefixed with (a schema and a dot, or nothing).</param>
    private protected DbWorkspaceStore(string prefix)
    {
        _prefix = prefix;
    }

    /// <inheritdoc />
    public WorkspaceInfo CreateWorkspace(string name, DateTimeOffset now) => InTransaction(session =>
    {
        session.Execute("INSERT INTO {p}workspaces (name, created_at) VALUES (@name, @at) ON CONFLICT (name) DO NOTHING", ("name", name), ("at", Text(now)));
        return session.Query(WorkspaceColumns + " WHERE w.name = @name", ReadWorkspace, ("name", name))[0];
    });

    /// <inheritdoc />
    public WorkspaceInfo? CreateFirstWorkspace(string name, DateTimeOffset now) => InTransaction(session =>
    {
        // One statement, so two servers starting together over an empty store create one workspace, not two.
        int created = session.Execute(
            "INSERT INTO {p}workspaces (name, created_at, may_adopt) SELECT @name, @at, 1 WHERE NOT EXISTS (SELECT 1 FROM {p}workspaces)",
            ("name", name),
            ("at", Text(now)));
        return created == 1 ? session.Query(WorkspaceColumns + " WHERE w.name = @name", ReadWorkspace, ("name", name))[0] : null;
    });

    /// <inheritdoc />
    public WorkspaceInfo? FindWorkspace(string name) =>
        WithSession(session => session.Query(WorkspaceColumns + " WHERE w.name = @name", ReadWorkspace, ("name", name)).FirstOrDefault());

    /// <inheritdoc />
    public bool SetMayAdopt(long workspaceId, bool mayAdopt) => InTransaction(session => session.Execute(
        "UPDATE {p}workspaces SET may_adopt = @may WHERE id = @ws", ("may", mayAdopt ? 1 : 0), ("ws", workspaceId)) == 1);

    /// <inheritdoc />
    public ApiKeyInfo AddKey(long workspaceId, string keyHash, string prefix, DateTimeOffset now) => InTransaction(session =>
    {
        object? id = session.Scalar(
            "INSERT INTO {p}workspace_api_keys (workspace_id, key_hash, prefix, created_at) VALUES (@ws, @hash, @prefix, @at) RETURNING id",
            ("ws", workspaceId), ("hash", keyHash), ("prefix", prefix), ("at", Text(now)));
        return new ApiKeyInfo(Convert.ToInt64(id, CultureInfo.InvariantCulture), workspaceId, prefix, now, null);
    });

    /// <inheritdoc />
    public IReadOnlyList<ApiKeyInfo> ListKeys(long workspaceId) => WithSession(session => session.Query(
        "SELECT id, prefix, created_at, revoked_at FROM {p}workspace_api_keys WHERE workspace_id = @ws ORDER BY id",
        r => new ApiKeyInfo(r.GetInt64(0), workspaceId, r.GetString(1), Time(r.GetString(2)), r.IsDBNull(3) ? null : Time(r.GetString(3))),
        ("ws", workspaceId)));

    /// <inheritdoc />
    public bool RevokeKey(long workspaceId, long keyId, DateTimeOffset now) => InTransaction(session =>
    {
        bool revoked = session.Execute(
            "UPDATE {p}workspace_api_keys SET revoked_at = @at WHERE id = @id AND workspace_id = @ws AND revoked_at IS NULL",
            ("at", Text(now)), ("id", keyId), ("ws", workspaceId)) == 1;
        if (revoked)
        {
            session.Execute("DELETE FROM {p}workspace_sessions WHERE key_id = @id", ("id", keyId));
        }

        return revoked;
    });

    /// <inheritdoc />
    public WorkspaceInfo? FindWorkspaceByKey(string keyHash) => WithSession(session => session.Query(
        WorkspaceColumns + " JOIN {p}workspace_api_keys k ON k.workspace_id = w.id WHERE k.key_hash = @hash AND k.revoked_at IS NULL",
        ReadWorkspace,
        ("hash", keyHash)).FirstOrDefault());

    /// <inheritdoc />
    public abstract void Dispose();

    /// <summary>Opens a connection to the database.</summary>
    private protected abstract DbConnection Open();

    /// <summary>Lists the columns a table of the store has, in the dialect's catalog.</summary>
    /// <param name="session">The migration's session.</param>
    /// <param name="table">The table's name, without prefix.</param>
    /// <returns>The column names.</returns>
    private protected abstract IReadOnlyCollection<string> ColumnsOf(DbSession session, string table);

    /// <summary>
    /// Brings the tables to <see cref="WorkspaceMigrations.Latest"/> in one transaction, applying only the missing steps;
    /// a database already there is only read.
    /// </summary>
    /// <param name="autoIncrementKey">The dialect's column definition of an auto-increment primary key.</param>
    /// <param name="before">A statement to run first in the transaction (a lock), or <see langword="null"/>.</param>
    /// <param name="location">Where the database is, for messages.</param>
    /// <exception cref="Nomadic.Storage.StorageException">The tables are newer than this code; nothing is changed then.</exception>
    private protected void Migrate(string autoIncrementKey, string? before, string location)
    {
        if (CheckVersion(location) == WorkspaceMigrations.Latest)
        {
            return;
        }

        InTransaction(session =>
        {
            if (before is not null)
            {
                session.Execute(before);
            }

            int version = ReadVersion(session);
            if (version > WorkspaceMigrations.Latest)
            {
                throw WorkspaceMigrations.Newer(location, version);
            }

            session.Execute(WorkspaceMigrations.CreateVersionTable);
            for (int step = version; step < WorkspaceMigrations.Latest; step++)
            {
                foreach (string statement in WorkspaceMigrations.Steps[step])
                {
                    session.Execute(statement.Replace("{id}", autoIncrementKey, StringComparison.Ordinal));
                }

                if (step == 0)
                {
                    AddMissingColumns(session);
                }

                session.Execute(WorkspaceMigrations.RecordVersion, ("version", step + 1), ("at", Text(DateTimeOffset.UtcNow)));
            }

            return true;
        });
    }

    /// <summary>Reads the tables' version without changing anything: 0 when they have none (no tables, or made before versions were kept).</summary>
    /// <param name="location">Where the database is, for messages.</param>
    /// <returns>The version.</returns>
    /// <exception cref="Nomadic.Storage.StorageException">The tables are newer than this code.</exception>
    private protected int CheckVersion(string location)
    {
        int version = WithSession(ReadVersion);
        return version <= WorkspaceMigrations.Latest ? version : throw WorkspaceMigrations.Newer(location, version);
    }

    private int ReadVersion(DbSession session) =>
        ColumnsOf(session, WorkspaceMigrations.VersionTable).Count == 0
            ? 0
            : Convert.ToInt32(session.Scalar($"SELECT coalesce(max(version), 0) FROM {{p}}{WorkspaceMigrations.VersionTable}"), CultureInfo.InvariantCulture);

    private void AddMissingColumns(DbSession session)
    {
        foreach ((string table, string column, string definition) in WorkspaceSchema.AddedColumns)
        {
            if (!ColumnsOf(session, table).Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                session.Execute($"ALTER TABLE {{p}}{table} ADD COLUMN {column} {definition}");
            }
        }
    }

    private static WorkspaceInfo ReadWorkspace(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), Time(reader.GetString(2))) { MayAdopt = reader.GetInt32(3) != 0 };
}
