namespace Nomadic.Workspace.Store;

/// <summary>What <see cref="IWorkspaceStore.UpsertRuns"/> did.</summary>
/// <param name="Added">Runs with a trial number the result did not have.</param>
/// <param name="Replaced">Runs that replaced one with the same trial number.</param>
/// <param name="Total">The result's runs afterwards.</param>
public sealed record RunUpsert(int Added, int Replaced, int Total);
