namespace Nomadic.Workspace.Store;

/// <summary>A workspace: the owner of experiments, results and API keys.</summary>
/// <param name="Id">The store's id of the workspace.</param>
/// <param name="Name">The unique name.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record WorkspaceInfo(long Id, string Name, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// Gets a value indicating whether the workspace may adopt experiments the command line or workers wrote, by name;
    /// set with <c>nomadic workspace key create --admin</c>.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool MayAdopt { get; init; }
}
