using Microsoft.DotNet.Interactive.Formatting;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Interactive.Tests;

public class NotebookFormattersTests
{
    [Fact]
    public void Register_ExperimentResultDisplaysAsTheRunsTable()
    {
        var space = new SearchSpace { ["lr"] = Tune.LogUniform(1e-4, 1e-1) };
        var runs = new[]
        {
            new RunResult(0.8, new Dictionary<string, object?> { ["lr"] = 0.01 }, new Dictionary<string, object?> { ["note"] = "<script>x()</script>" }).WithTrialInfo(0, null, null, false),
            new RunResult(0.9, new Dictionary<string, object?> { ["lr"] = 0.001 }).WithTrialInfo(1, null, null, false),
        };
        var result = new ExperimentResult(space, runs, "notebook");

        NotebookFormatters.Register();
        string html = result.ToDisplayString(HtmlFormatter.MimeType);

        Assert.StartsWith("<div class=\"nomadic-result\"><p><b>notebook</b>: 2 runs, best score 0.9</p>", html, StringComparison.Ordinal);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("0.001", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_ShipsTheNotebookExtensionScript()
    {
        string script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "extension.dib"));

        Assert.Contains("Nomadic.Interactive.NotebookFormatters.Register();", script, StringComparison.Ordinal);
    }
}
