using Nomadic.Storage;

namespace Nomadic.Tests.Storage;

public sealed class InMemoryExperimentStorageTests : ExperimentStorageConformance
{
    protected override IExperimentStorage CreateStorage() => new InMemoryExperimentStorage();
}
