using System.Globalization;
using System.Text.Json;
using Markdig;
using Markdig.Syntax;

namespace Nomadic.Docs.Tests;

public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    [Fact]
    public void FirstCommands_Readme_TestWithTheScriptThatSetsUpAFreshMachine()
    {
        string[] commands = FirstShellBlock().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string script = File.ReadAllText(Path.Combine(Repository.Root, ".ci", "run"));

        Assert.StartsWith("dotnet run --project src/Nomadic.Cli -- run examples/rag/experiment.yaml", commands[0], StringComparison.Ordinal);
        Assert.StartsWith("bash .ci/run ", commands[1], StringComparison.Ordinal);
        Assert.Contains("`dotnet test Nomadic.slnx`", Readme, StringComparison.Ordinal);
        Assert.Contains("missing+=(postgresql)", script, StringComparison.Ordinal);
        Assert.Contains("missing+=(chromium)", script, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test Nomadic.slnx ", script, StringComparison.Ordinal);
        Assert.EndsWith("echo \"$passed passed, $failed failed\"\nexit \"$status\"\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void MainJobTime_Readme_QuotesTheBenchmarkMedianAndItsCommand()
    {
        using JsonDocument bench = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "bench", "results", "main_job.json")));
        double wall = bench.RootElement.GetProperty("median_wall_s").GetDouble();
        double cpu = bench.RootElement.GetProperty("median_cpu_s").GetDouble();

        Assert.Equal("dotnet run --project src/Nomadic.Cli -- run examples/rag/experiment.yaml", bench.RootElement.GetProperty("command").GetString());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"about {Math.Round(wall):0} s"), Readme, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{Math.Round(cpu):0} s of CPU"), Readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run -c Release --project bench/Nomadic.Bench.MainJob", Readme, StringComparison.Ordinal);
    }

    private static string FirstShellBlock() =>
        Markdown.Parse(Readme).Descendants<FencedCodeBlock>().First(b => b.Info == "sh").Lines.ToString();
}
