using System.Text.Json;
using System.Xml.Linq;
using Nomadic.Reports.Html;
using Nomadic.Reports.Tests.Support;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Reports.Tests.Html;

/// <summary>The runs table of reports and the Workspace, for runs whose metadata holds lists and dictionaries.</summary>
public class RunsTableTests
{
    [Fact]
    public void Write_ListMetadata_ShowsCompactJson()
    {
        XElement table = XElement.Parse(RunsTable.Write(LlmResults.Create()));

        XElement row = table.Element("tbody")!.Elements("tr").First();
        Assert.Equal("[1.0,0.5,0.0]", Cell(table, row, "metadata", "item_scores").Value);
        Assert.DoesNotContain("System.", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LongValue_ShowsItsStartAndTheWholeJsonWhenOpened()
    {
        XElement table = XElement.Parse(RunsTable.Write(LlmResults.Create()));

        XElement cell = Cell(table, table.Element("tbody")!.Elements("tr").First(), "metadata", "example_outputs");
        XElement details = cell.Element("details")!;
        string summary = details.Element("summary")!.Value;
        Assert.Equal(RunsTable.CellLength, summary.Length);
        Assert.StartsWith("[{\"id\":\"q1\",\"query\":\"What is x?\",\"output\":\"He said \\\"x < 3\\\" & left — naïve café", summary, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", summary, StringComparison.Ordinal);
        using JsonDocument whole = JsonDocument.Parse(details.Element("div")!.Value);
        Assert.Equal(LlmResults.Answer, whole.RootElement[0].GetProperty("output").GetString());
        Assert.Equal("Paris", whole.RootElement[1].GetProperty("output").GetString());
    }

    [Fact]
    public void Write_ParameterAndMetadataOfOneName_AreTwoColumnsUnderTheirGroups()
    {
        XElement table = XElement.Parse(RunsTable.Write(LlmResults.Create()));

        XElement[] headerRows = [.. table.Element("thead")!.Elements("tr")];
        Assert.Equal(["run", "parameters", "", "metadata"], headerRows[0].Elements("th").Select(th => th.Value));
        Assert.Equal(["3", "3", "2", "3"], headerRows[0].Elements("th").Select(th => th.Attribute("colspan")!.Value));
        Assert.Equal(
            ["run", "status", "score", "model", "temperature", "dataset", "duration", "error", "dataset", "item_scores", "example_outputs"],
            headerRows[1].Elements("th").Select(th => th.Value));
        Assert.Equal("Sort by parameter dataset", headerRows[1].Elements("th").ElementAt(5).Attribute("title")!.Value);
        Assert.Equal("Sort by metadata dataset", headerRows[1].Elements("th").ElementAt(8).Attribute("title")!.Value);
        XElement row = table.Element("tbody")!.Elements("tr").First();
        Assert.Equal("qa", Cell(table, row, "parameter", "dataset").Value);
        Assert.Equal("qa.jsonl", Cell(table, row, "metadata", "dataset").Value);
    }

    [Fact]
    public void Write_NoMetadata_HasNoMetadataGroup()
    {
        var space = new Nomadic.Tuning.SearchSpace { ["x"] = Nomadic.Tuning.Tune.Uniform(0, 1) };
        var result = new ExperimentResult(space, [new RunResult(0.5, new Dictionary<string, object?> { ["x"] = 0.1 })]);

        XElement table = XElement.Parse(RunsTable.Write(result));

        Assert.Equal(["run", "parameters", ""], table.Element("thead")!.Elements("tr").First().Elements("th").Select(th => th.Value));
    }

    [Fact]
    public void Write_RunningTrials_FollowTheRunsWithStatusRunningTheirParamsAndNoScore()
    {
        var space = new Nomadic.Tuning.SearchSpace { ["x"] = Nomadic.Tuning.Tune.Uniform(0, 1) };
        var result = new ExperimentResult(space, [new RunResult(0.5, new Dictionary<string, object?> { ["x"] = 0.1 }, new Dictionary<string, object?> { ["gpu"] = "a100" }) { TrialNumber = 0 }]);
        StoredTrial running = new(7, 1, "k", TrialState.Running, new Dictionary<string, object?> { ["x"] = 0.7 }, false, "w", DateTimeOffset.UnixEpoch, 2, null);

        XElement table = XElement.Parse(RunsTable.Write(result, running: [running]));

        XElement[] rows = [.. table.Element("tbody")!.Elements("tr")];
        Assert.Equal(2, rows.Length);
        Assert.Equal("running", rows[1].Attribute("data-status")!.Value);
        Assert.Equal(["1", "running", "", "0.7", "", "", ""], rows[1].Elements("td").Select(td => td.Value));
        Assert.Equal(rows[0].Elements("td").Count(), rows[1].Elements("td").Count());
    }

    // The cell under the header of the group ("parameter" or "metadata") and name given.
    private static XElement Cell(XElement table, XElement row, string group, string name)
    {
        XElement[] headers = [.. table.Element("thead")!.Elements("tr").Last().Elements("th")];
        int column = Array.FindIndex(headers, th => th.Value == name && th.Attribute("class")?.Value == group);
        Assert.True(column >= 0, $"No {group} column named {name}.");
        return row.Elements("td").ElementAt(column);
    }
}
