namespace Nomadic.Workspace.Tests;

public class ArchitectureTests
{
    [Fact]
    public void WorkspaceAssembly_DependsOnTheLibraryNotTheCommandLine()
    {
        string[] references = typeof(WorkspaceServer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Nomadic", references);
        Assert.DoesNotContain(references, r => r is "Nomadic.Cli" or "Spectre.Console" or "System.CommandLine" or "YamlDotNet" or "Microsoft.Playwright");
        Assert.DoesNotContain(references, r => r.StartsWith("Nomadic.AI", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientAssembly_DependsOnTheCoreLibraryOnly()
    {
        string[] references = typeof(Nomadic.Workspace.Client.WorkspaceClient).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Nomadic", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Nomadic.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
