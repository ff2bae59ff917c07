namespace Nomadic.AI.Tests;

public class ArchitectureTests
{
    [Fact]
    public void AiAssembly_DependsOnCoreOnly()
    {
        string[] references = typeof(LlmObjective).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Nomadic", references);
        Assert.Contains("Microsoft.Extensions.AI.Abstractions", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Nomadic.", StringComparison.Ordinal));
    }
}
