using System.IO.Compression;

namespace Nomadic.Docs.Tests.Packages;

[Collection(PackageTestGroup.Name)]
public class WorkspacePackageTests(PackedPackages packages)
{
    [Fact]
    public void Pack_WorkspaceLibrary_HoldsAssemblyAndItsXmlDocs()
    {
        using ZipArchive package = ZipFile.OpenRead(packages.Package("Nomadic.Workspace"));

        Assert.Contains(package.Entries, e => e.FullName == "lib/net10.0/Nomadic.Workspace.dll");
        Assert.Contains(package.Entries, e => e.FullName == "lib/net10.0/Nomadic.Workspace.xml");
        Assert.Contains(package.Entries, e => e.FullName == "README.md");
    }
}
