using Nomadic.Storage;

namespace Nomadic.Tests.Storage;

public sealed class InMemoryExperimentStorageTests : ExperimentStorageContract
{
    protected override IExperimentStorage CreateStorage() => new InMemoryExperimentStorage();
}
