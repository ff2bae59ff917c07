using System.Text;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Commands;

/// <summary>Every command that reads a result file or journal refuses a broken one with one line naming the file and the problem.</summary>
public sealed class ResultFilesTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public static TheoryData<string, string, string> BrokenFiles()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string command in new[] { "show", "export", "report" })
        {
            data.Add(command, "overflow.json", "run_results[1].score: 1e999 is not a finite number");
            data.Add(command, "future.json", "written by a newer Nomadic (version 99); this one reads up to 1");
            data.Add(command, "latin1.json", "is not valid UTF-8 text (line 1");
            data.Add(command, "negative.json", "run_results[0].trial_number: -5 is negative");
            data.Add(command, "overflow.jsonl", "line 2 is not a valid run: score: 1e999 is not a finite number");
            data.Add(command, "latin1.jsonl", "is not valid UTF-8 text (line 2");
        }

        return data;
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Command_BrokenResultFile_PrintsOneLineAndExitsTwo(string command, string name, string problem)
    {
        string file = Broken(name);
        string[] args = command == "report" ? [command, file, "--output", _temp.File("report.html")] : [command, file];

        CliOutcome outcome = await CliRunner.RunAsync(args);

        outcome.AssertOneErrorLine(ExitCodes.Usage, file + ": ", problem);
        Assert.False(File.Exists(_temp.File("report.html")));
    }

    [Fact]
    public async Task Show_BrokenResultFile_InARealProcess_PrintsOneLineAndExitsTwo()
    {
        string file = Broken("overflow.json");

        using CliProcess process = CliProcess.Start(_temp.Path, "show", file);
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromSeconds(60));

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"error: {file}: run_results[1].score: 1e999 is not a finite number.");
        Assert.Equal("", outcome.Stdout);
    }

    private string Broken(string name)
    {
        const string Header = "{\"format\":\"nomadic.results_journal\",\"version\":1,\"name\":\"x\",\"direction\":\"maximize\",\"hp_search_space\":{\"k\":[1,2]},\"metadata\":{}}\n";
        string path = _temp.File(name);
        switch (name)
        {
            case "overflow.json":
                File.WriteAllText(path, Result("""{"trial_number": 0, "score": 0.5, "params": {"k": 1}}, {"trial_number": 1, "status": "completed", "score": 1e999, "params": {"k": 2}}"""));
                break;
            case "future.json":
                File.WriteAllText(path, Result("""{"trial_number": 0, "score": 0.5, "params": {"k": 1}}""", "\"version\": 99, "));
                break;
            case "latin1.json":
                File.WriteAllBytes(path, Encoding.Latin1.GetBytes(Result("{\"trial_number\": 0, \"score\": 0.5, \"params\": {\"k\": 1}, \"metadata\": {\"note\": \"caf\u00e9\"}}")));
                break;
            case "negative.json":
                File.WriteAllText(path, Result("""{"trial_number": -5, "score": 0.5, "params": {"k": 1}}"""));
                break;
            case "overflow.jsonl":
                File.WriteAllText(path, Header + "{\"trial_number\":0,\"status\":\"completed\",\"score\":1e999,\"params\":{\"k\":1}}\n");
                break;
            default:
                File.WriteAllBytes(path, Encoding.Latin1.GetBytes(Header + "{\"trial_number\":0,\"score\":0.5,\"params\":{\"k\":1},\"metadata\":{\"note\":\"caf\u00e9\"}}\n"));
                break;
        }

        return path;
    }

    private static string Result(string runs, string header = "") => "{" + header + "\"hp_search_space\": {\"k\": [1, 2]}, \"run_results\": [" + runs + "]}";
}
