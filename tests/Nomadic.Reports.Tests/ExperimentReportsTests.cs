using System.Text.RegularExpressions;
using System.Xml.Linq;
using Nomadic.Reports.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Reports.Tests;

public class ExperimentReportsTests
{
    private static readonly Dictionary<string, object?> Hostile = new() { ["note"] = "<script>alert('x')</script>" };

    [Fact]
    public void ToHtml_MixedResult_HasEverySectionAndTitle()
    {
        var options = new ReportOptions
        {
            Importance = new Dictionary<string, double> { ["lr"] = 0.7, ["optimizer"] = 0.3 },
            Statistics = [new ReportStatistic("adam vs sgd (Mann–Whitney U)", "p = 0.003")],
        };

        string html = SampleResults.Mixed(withObjectives: true).ToHtml(options);
        File.WriteAllText(ArtifactFolder.Path("report.html"), html);

        foreach (string id in new[] { "summary", "best-vs-baseline", "importance", "statistics", "plots", "runs" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<title>Experiment report: mixed</title>", html, StringComparison.Ordinal);
        Assert.Contains("adam vs sgd (Mann–Whitney U)", html, StringComparison.Ordinal);
        Assert.Contains("Optimization history", html, StringComparison.Ordinal);
        Assert.Contains("Pareto front", html, StringComparison.Ordinal);
        Assert.Contains("<dt>tuner</dt><dd>random</dd>", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ConditionalSpace_LeavesOutHeatmapsOfParametersThatNeverMeet()
    {
        string html = RagResults.Load().ToHtml(new ReportOptions { Analyze = false, ImageFormat = ReportImageFormat.Svg });

        Assert.DoesNotContain("id=\"plot-heatmap-chunk_size-sentence_window\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-heatmap-chunk_size-chunk_overlap\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_DefaultOptions_ComputesStatisticsAndImportance()
    {
        string html = SampleResults.Mixed().ToHtml(new ReportOptions { IncludePlots = false });

        Assert.Contains("id=\"importance\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"statistics\"", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Best vs baseline and runners-up 1, 2 and 3</dt>", html, StringComparison.Ordinal);
        Assert.Contains("(descriptive only)", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<dt>Score</dt><dd>mean [0-9.]+, sd"), html);
    }

    [Fact]
    public void ToHtml_ConditionalSpaceDefaultOptions_ShowsInHowManyRunsEachConditionalParameterExists()
    {
        string html = RagResults.Load().ToHtml(new ReportOptions { IncludePlots = false });

        string importance = Section(html, "importance");
        Assert.Contains("<th>hybrid_alpha (in 10 of 30 runs)</th>", importance, StringComparison.Ordinal);
        Assert.Contains("<th>sentence_window (in 9 of 30 runs)</th>", importance, StringComparison.Ordinal);
        Assert.Contains("<th>retriever</th>", importance, StringComparison.Ordinal);
        Assert.Contains("has its importance estimated from those runs and weighted by the share of the whole experiment", importance, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_BestAheadOfBaseline_GivesTheRelativeImprovementToOneDecimal()
    {
        string html = RagResults.Load().ToHtml(new ReportOptions { IncludePlots = false, Analyze = false });

        Assert.Matches(@"Improvement over the baseline: [0-9.]+ \(\d+(\.\d)? %\)\.", html);
    }

    [Fact]
    public void ToHtml_ImportanceByName_CountsTheRunsWhereEachParameterExistsInTheResult()
    {
        var options = new ReportOptions { Analyze = false, IncludePlots = false, Importance = new Dictionary<string, double> { ["hybrid_alpha"] = 0.4, ["rerank"] = 0.6 } };

        string importance = Section(RagResults.Load().ToHtml(options), "importance");

        Assert.Contains("<th>hybrid_alpha (in 10 of 30 runs)</th>", importance, StringComparison.Ordinal);
        Assert.Contains("<th>rerank</th>", importance, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ParameterImportancesGiven_ShowsTheirRunCountsAndPlotsThem()
    {
        ExperimentResult result = SampleResults.Mixed();
        int total = result.RunResults.Count(r => r.HasUsableScore);
        var options = new ReportOptions
        {
            Analyze = false,
            ImageFormat = ReportImageFormat.Svg,
            ParameterImportances = [new("lr", 0.7, 0.6, 0.1, total), new("dropout", 0.3, 0.2, 0.1, 12)],
        };

        string html = result.ToHtml(options);

        string importance = Section(html, "importance");
        Assert.Contains("<th>lr</th><td>0.7</td>", importance, StringComparison.Ordinal);
        Assert.Contains($"<th>dropout (in 12 of {total} runs)</th><td>0.3</td>", importance, StringComparison.Ordinal);
        Assert.Contains("class=\"note\"", importance, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-importance\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_EveryParameterInEveryRun_ShowsNamesWithoutRunCountsOrNote()
    {
        string importance = Section(SampleResults.Mixed().ToHtml(new ReportOptions { IncludePlots = false }), "importance");

        Assert.Contains("<th>lr</th>", importance, StringComparison.Ordinal);
        Assert.DoesNotContain(" runs)", importance, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"note\"", importance, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_OneScorePerRun_StatisticsSayTooLittleDataOnce()
    {
        // As the quickstart: 60 runs with a baseline and one score each, so no comparison of the best run can be tested.
        string html = SampleResults.Mixed(runs: 60).ToHtml(new ReportOptions { IncludePlots = false });

        string statistics = Regex.Match(html, "<section id=\"statistics\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Single(Regex.Matches(statistics, "Too little data"));
        Assert.Single(Regex.Matches(statistics, "one score per run cannot be tested"));
        Assert.Contains("<dt>Best vs baseline and runners-up 1, 2 and 3</dt><dd>Too little data: each run has a single score", statistics, StringComparison.Ordinal);
        Assert.DoesNotContain("the two runs", statistics, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Cohen&#39;s d = [0-9.]+ \((small|medium|large)\)\. Descriptive only"), statistics);
    }

    [Fact]
    public void ToHtml_NoBaseline_StatisticsSayHowToDeclareOneInPlainWords()
    {
        ExperimentResult mixed = SampleResults.Mixed(runs: 30);
        var result = new ExperimentResult(mixed.HpSearchSpace, mixed.RunResults.Select(r => r.WithTrialInfo(r.TrialNumber, r.StartedAt, r.Duration, isBaseline: false)), mixed.Name)
        {
            Direction = mixed.Direction,
        };

        string html = result.ToHtml(new ReportOptions { IncludePlots = false });

        string statistics = Regex.Match(html, "<section id=\"statistics\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains(
            "<dt>Best vs baseline</dt><dd>No baseline run to compare against: give the configuration in use today as the baseline, &quot;current_params&quot; in an experiment file or ExperimentOptions.CurrentParams in C#; it runs first.</dd>",
            statistics,
            StringComparison.Ordinal);
        Assert.DoesNotContain("RunResult", statistics, StringComparison.Ordinal);
        Assert.DoesNotContain("IsBaseline", statistics, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_LlmResult_ShowsListAndDictionaryMetadataAsJson()
    {
        string html = LlmResults.Create().ToHtml(new ReportOptions { IncludePlots = false });

        Assert.DoesNotContain("System.", html, StringComparison.Ordinal);
        Assert.Contains("<td data-sort=\"[1.0,0.5,0.0]\" class=\"json\">[1.0,0.5,0.0]</td>", html, StringComparison.Ordinal);
        Assert.Contains("&quot;output&quot;:&quot;He said \\&quot;x &lt; 3\\&quot; &amp; left", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_AnalyzeOff_HasNoComputedSections()
    {
        string html = SampleResults.Mixed().ToHtml(new ReportOptions { IncludePlots = false, Analyze = false });

        Assert.DoesNotContain("id=\"importance\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"statistics\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ScriptInMetadata_IsEscapedText()
    {
        string html = SampleResults.Mixed(extraMetadata: Hostile).ToHtml(new ReportOptions { IncludePlots = false });

        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void ToHtml_Anything_ReferencesNoNetworkResource()
    {
        string html = SampleResults.Mixed(withObjectives: true).ToHtml(new ReportOptions { ImageFormat = ReportImageFormat.Svg });

        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*['""]?https?:", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Page_HasBalancedElements()
    {
        string html = SampleResults.Mixed(extraMetadata: Hostile).ToHtml();
        string[] voids = ["meta", "img", "input", "br", "!DOCTYPE", "?xml"];
        var open = new Stack<string>();
        string body = Regex.Replace(html, @"<(script|style)>.*?</\1>", "", RegexOptions.Singleline);
        body = Regex.Replace(body, @"<svg.*?</svg>", "", RegexOptions.Singleline);
        foreach (Match tag in Regex.Matches(body, @"<(/?)([!?]?[A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>"))
        {
            string name = tag.Groups[2].Value;
            if (voids.Contains(name, StringComparer.OrdinalIgnoreCase) || tag.Groups[3].Value == "/")
            {
                continue;
            }

            if (tag.Groups[1].Value == "/")
            {
                Assert.Equal(open.Pop(), name);
            }
            else
            {
                open.Push(name);
            }
        }

        Assert.Empty(open);
    }

    [Fact]
    public void ToHtmlTable_Runs_IsWellFormedXmlWithOneRowPerRun()
    {
        ExperimentResult result = SampleResults.Mixed(extraMetadata: Hostile);

        XElement table = XElement.Parse(result.ToHtmlTable());

        string[] headers = [.. table.Element("thead")!.Elements("tr").Last().Elements("th").Select(th => th.Value)];
        Assert.Equal(["run", "status", "score", "optimizer", "layers", "dropout", "lr", "duration", "error", "latency_ms", "note"], headers);
        Assert.Equal(["run", "parameters", "", "metadata"], table.Element("thead")!.Elements("tr").First().Elements("th").Select(th => th.Value));
        XElement[] rows = [.. table.Element("tbody")!.Elements("tr")];
        Assert.Equal(result.Count, rows.Length);
        Assert.Equal("<script>alert('x')</script>", rows[0].Elements("td").Last().Value);
        Assert.Equal("failed", rows[5].Attribute("data-status")!.Value);
        Assert.Contains("TimeoutException", rows[5].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtmlTable_MaxRows_KeepsTheBestAndTheBaselineInRunOrder()
    {
        var space = new Nomadic.Tuning.SearchSpace { ["x"] = Nomadic.Tuning.Tune.Uniform(0, 1) };
        double[] scores = [0.3, 0.9, 0.1, 0.8, double.NaN, 0.7, 0.2];
        RunResult[] runs = [.. scores.Select((score, i) => new RunResult(score, new Dictionary<string, object?> { ["x"] = i / 10.0 })
        {
            TrialNumber = i,
            IsBaseline = i == 0,
            Status = double.IsNaN(score) ? RunStatus.Failed : RunStatus.Completed,
        })];
        var result = new ExperimentResult(space, runs);

        XElement table = XElement.Parse(result.ToHtmlTable(maxRows: 3));

        string[] numbers = [.. table.Element("tbody")!.Elements("tr").Select(tr => tr.Elements("td").First().Value)];
        Assert.Equal(["0", "1", "3"], numbers); // 0.9 and 0.8 are the best; the baseline takes the third place from 0.7
        Assert.Equal(scores.Length, XElement.Parse(result.ToHtmlTable(maxRows: 100)).Element("tbody")!.Elements("tr").Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => result.ToHtmlTable(maxRows: 0));
    }

    [Fact]
    public void ToHtmlReport_Path_WritesTheFileAndItsFolder()
    {
        string path = Path.Combine(ArtifactFolder.Path("nested"), "deeper", "report.html");

        SampleResults.Mixed().ToHtmlReport(path, new ReportOptions { Title = "Nightly <run>" });

        Assert.Contains("<h1>Nightly &lt;run&gt;</h1>", File.ReadAllText(path), StringComparison.Ordinal);
    }

    // The HTML of the section with the given id, up to its closing tag.
    private static string Section(string html, string id)
    {
        int start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
