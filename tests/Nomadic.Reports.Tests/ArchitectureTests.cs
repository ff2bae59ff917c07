namespace Nomadic.Reports.Tests;

public class ArchitectureTests
{
    [Fact]
    public void ReportsAssembly_ReferencesOnlyTheCoreAndPlotting()
    {
        string[] references = typeof(ExperimentReports).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Nomadic", references);
        Assert.Contains("ScottPlot", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Nomadic.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r is "Spectre.Console" or "System.CommandLine" or "Microsoft.Playwright");
    }
}
