using System.Text.RegularExpressions;

namespace Nomadic.Cli.Tests.Configuration;

/// <summary>The configuration code's layers depend inwards only: syntax on nothing above it, objective specs on the experiment file alone.</summary>
public sealed class ConfigurationLayersTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "src", "Nomadic.Cli", "Configuration");

    [Fact]
    public void SyntaxSources_ReferenceNeitherExperimentsNorObjectiveSpecs()
    {
        string[] sources = Sources("Syntax");

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.DoesNotMatch(LayerReference("Experiments|ObjectiveSpecs"), File.ReadAllText(source)));
    }

    [Fact]
    public void ObjectiveSpecsSources_UseOnlyTheExperimentFileOfTheExperimentsLayer()
    {
        string[] sources = Sources("ObjectiveSpecs");
        string[] experimentTypes = Sources("Experiments").Select(Path.GetFileNameWithoutExtension).Where(name => name != "ExperimentFile").ToArray()!;

        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            string text = File.ReadAllText(source);
            Assert.DoesNotMatch(LayerReference("Experiments"), Regex.Replace(text, @"^using Nomadic\.Cli\.Configuration\.Experiments;$", "", RegexOptions.Multiline));
            Assert.DoesNotMatch(new Regex($@"\b({string.Join('|', experimentTypes)})\b"), text);
        });
    }

    private static string[] Sources(string layer) =>
        Directory.Exists(Path.Combine(Folder, layer)) ? Directory.GetFiles(Path.Combine(Folder, layer), "*.cs", SearchOption.AllDirectories) : [];

    private static Regex LayerReference(string layers) => new($@"(Nomadic\.Cli\.Configuration\.|(?<![\w.])Configuration\.|(?<![\w.]))({layers})[.;]");
}
