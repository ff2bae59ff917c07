using System.Text.Json;

namespace Nomadic.Docs.Tests;

/// <summary>Every shipped library pins its public API in files the build checks (CONTRIBUTING.md).</summary>
public class PublicApiTests
{
    private const string Analyzer = "Microsoft.CodeAnalysis.PublicApiAnalyzers";

    public static TheoryData<string> ShippedProjects()
    {
        TheoryData<string> projects = [];
        foreach (string folder in Directory.GetDirectories(Path.Combine(Repository.Root, "src")).Order(StringComparer.Ordinal))
        {
            if (Directory.GetFiles(folder, "*.csproj").Length > 0)
            {
                projects.Add(Path.GetFileName(folder));
            }
        }

        return projects;
    }

    [Theory]
    [MemberData(nameof(ShippedProjects))]
    public void Restore_ShippedProject_ReferencesThePublicApiAnalyzer(string project)
    {
        string assets = Path.Combine(Repository.Root, "src", project, "obj", "project.assets.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(assets));

        JsonElement libraries = document.RootElement.GetProperty("libraries");

        Assert.Contains(libraries.EnumerateObject(), library => library.Name.StartsWith(Analyzer + "/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedProjects))]
    public void PublicApiFiles_ShippedProject_TrackNullabilityAndListTheShippedApi(string project)
    {
        string folder = Path.Combine(Repository.Root, "src", project);
        string[] shipped = File.ReadAllLines(Path.Combine(folder, "PublicAPI.Shipped.txt"));
        string[] unshipped = File.ReadAllLines(Path.Combine(folder, "PublicAPI.Unshipped.txt"));

        Assert.Equal("#nullable enable", shipped[0]);
        Assert.Equal("#nullable enable", unshipped[0]);
        string[] entries = [.. shipped.Skip(1).Where(line => line.Length > 0)];
        if (project == "Nomadic.Cli")
        {
            // The command is an executable: nothing in it is for other code to call.
            Assert.Empty(entries);
        }
        else
        {
            Assert.NotEmpty(entries);
        }
    }
}
