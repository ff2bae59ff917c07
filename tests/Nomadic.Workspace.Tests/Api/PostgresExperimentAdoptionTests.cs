using Nomadic.Storage.Postgres;
using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

[Collection(PostgresTests.Name)]
public sealed class PostgresExperimentAdoptionTests(PostgresServer server) : ExperimentAdoptionContract
{
    protected override WorkspaceFactory CreateFactory()
    {
        string database = server.CreateDatabase("adoption");
        return new WorkspaceFactory(new PostgresExperimentStorage(database), new PostgresWorkspaceStore(database));
    }
}
