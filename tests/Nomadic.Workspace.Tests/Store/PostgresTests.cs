
namespace Nomadic.Workspace.Tests.Store;

/// <summary>The tests that share one throwaway <see cref="PostgresServer"/>; they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
