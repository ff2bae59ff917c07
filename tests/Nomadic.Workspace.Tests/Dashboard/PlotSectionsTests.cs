using System.Text.Json;
using System.Text.RegularExpressions;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed partial class PlotSectionsTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public async Task ResultPage_EveryPlotTheResultHas_IsShownLazilyInTheSectionOfItsFamily()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, PlotResult.Create());
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string[] names = [.. JsonDocument.Parse(await api.GetStringAsync($"/api/v1/results/{id:D}/plots")).RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
        string page = await browser.GetStringAsync($"/results/{id:D}");

        Assert.Contains("slice-momentum", names);
        Assert.Contains("pareto-front", names);
        Assert.True(names.Length > 8, $"The result has only {names.Length} plots.");
        Dictionary<string, string> sections = Sections(page);
        Assert.Equal(
            ["History and distribution", "Per parameter", "Slices", "Heatmaps and contours", "Parallel coordinates", "Parameter importance", "Pareto front"],
            sections.Keys);
        foreach (string name in names)
        {
            string heading = Family(name);
            Assert.True(sections.TryGetValue(heading, out string? section), $"No section \"{heading}\" for the plot {name}.");
            Assert.Contains($"/plots/{name}.svg\"", section, StringComparison.Ordinal);
        }

        int images = ImageTag().Count(page);
        Assert.Equal(names.Length, images);
        Assert.Equal(images, ImageTag().Matches(page).Count(m => m.Value.Contains("loading=\"lazy\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ResultPage_OneObjective_HasNoParetoSection()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(api, Samples.Result());
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/results/{id:D}");

        Assert.Contains("<h2>History and distribution</h2>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pareto front", page, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private static string Family(string plot) => plot switch
    {
        "history" or "score-distribution" or "intermediate-values" => "History and distribution",
        _ when plot.StartsWith("params-", StringComparison.Ordinal) => "Per parameter",
        _ when plot.StartsWith("slice-", StringComparison.Ordinal) => "Slices",
        _ when plot.StartsWith("heatmap-", StringComparison.Ordinal) || plot.StartsWith("contour-", StringComparison.Ordinal) || plot == "correlations" => "Heatmaps and contours",
        "parallel-coordinates" => "Parallel coordinates",
        "importance" => "Parameter importance",
        "pareto-front" => "Pareto front",
        _ => $"(no family for {plot})",
    };

    // Each h2 heading after the runs table with the markup up to the next h2.
    private static Dictionary<string, string> Sections(string page)
    {
        string plots = page[page.IndexOf("</table>", StringComparison.Ordinal)..];
        return Heading().Matches(plots).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
    }

    [GeneratedRegex("<h2>([^<]+)</h2>(.*?)(?=<h2>|</main>)", RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex("<img [^>]*>")]
    private static partial Regex ImageTag();
}
