using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

public sealed class SqliteExperimentAdoptionTests : ExperimentAdoptionContract
{
    protected override WorkspaceFactory CreateFactory() => new();
}
