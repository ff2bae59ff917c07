namespace Nomadic.Workspace.Store;

/// <summary>
/// The Workspace tables' history as numbered steps, as the storages keep theirs: step <c>i</c> brings the tables to
/// version <c>i + 1</c>, and <c>{p}workspace_schema_version</c> holds one row per version applied. Steps are only ever
/// appended, never edited.
/// </summary>
/// <remarks>
/// Version 1 is the tables as they were before versions were kept. Its statements create only what is missing and
/// <see cref="WorkspaceSchema.AddedColumns"/> adds the columns older releases lacked, so a database made by any earlier
/// release (which has tables but no version) is brought to version 1 and adopted as such, its rows kept.
/// </remarks>
internal static class WorkspaceMigrations
{
    /// <summary>The table recording the versions applied, without prefix.</summary>
    public const string VersionTable = "workspace_schema_version";

    /// <summary>Gets the steps in order, each a list of statements; <c>{p}</c> is the table prefix and <c>{id}</c> the dialect's auto-increment key.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Steps { get; } = [WorkspaceSchema.Statements];

    /// <summary>Gets the newest version this code knows.</summary>
    public static int Latest => Steps.Count;

    /// <summary>Gets the statement creating the version table when a database has none.</summary>
    public static string CreateVersionTable =>
        $"CREATE TABLE IF NOT EXISTS {{p}}{VersionTable} (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)";

    /// <summary>Gets the statement recording a version; recording it twice changes nothing.</summary>
    public static string RecordVersion =>
        $"INSERT INTO {{p}}{VersionTable} (version, applied_at) VALUES (@version, @at) ON CONFLICT (version) DO NOTHING";

    /// <summary>Creates the error for a database whose tables are newer than this code; nothing is changed then.</summary>
    /// <param name="location">Where the database is.</param>
    /// <param name="version">Its version.</param>
    /// <returns>The error.</returns>
    public static Nomadic.Storage.StorageException Newer(string location, int version) =>
        new($"{location}: the workspace tables are at version {version}, newer than this Nomadic.Workspace knows ({Latest}); upgrade it, the database was left unchanged.");
}
