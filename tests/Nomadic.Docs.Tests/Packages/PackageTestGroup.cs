namespace Nomadic.Docs.Tests.Packages;

/// <summary>The package tests share one <see cref="PackedPackages"/>: packing is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class PackageTestGroup : ICollectionFixture<PackedPackages>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "packages";
}
