using System.Diagnostics;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.Syntax;

/// <summary>Every data file the command line reads whole, nested too deep or too large, is refused in one line with exit code 2.</summary>
public sealed class DataFileLimitsTests : IDisposable
{
    private static readonly string Deep = new string('[', 100_000) + new string(']', 100_000);
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] JsonFiles = ["show results.json", "show journal.jsonl", "warm_start", "llm dataset .jsonl", "llm dataset .json", "llm dataset .csv", "rag questions"];

    /// <summary>Every kind of data file holding JSON (in a cell for CSV).</summary>
    public static TheoryData<string> JsonKinds => [.. JsonFiles];

    /// <summary>Every kind of data file, a rag corpus page (plain text) included.</summary>
    public static TheoryData<string> Kinds => [.. JsonFiles, "rag corpus page", "run output journal"];

    [Theory]
    [MemberData(nameof(JsonKinds))]
    public async Task RunAsync_DeeplyNestedDataFile_PrintsOneLineNamingTheFileAndExitsTwo(string kind)
    {
        (string[] args, string data) = Prepare(kind);
        File.WriteAllText(data, kind switch
        {
            "show results.json" or "warm_start" => $$"""{"runs": {{Deep}}}""",
            "show journal.jsonl" => $$"""{"format": {{Deep}}}""" + "\n",
            "llm dataset .jsonl" => $$"""{"query": {{Deep}}}""" + "\n",
            "llm dataset .json" => Deep,
            "llm dataset .csv" => $"query,contexts\nq,\"{Deep}\"\n",
            _ => $$"""{"id": {{Deep}}}""" + "\n",
        });

        var clock = Stopwatch.StartNew();
        CliOutcome outcome = await CliRunner.RunAsync(args);

        outcome.AssertOneErrorLine(ExitCodes.Usage, Path.GetFileName(data));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RunAsync_DataFileOverTheLimit_PrintsOneLineNamingTheFileAndTheLimitAndExitsTwo(string kind)
    {
        (string[] args, string data) = Prepare(kind);
        using (FileStream sparse = File.Create(data))
        {
            sparse.SetLength(DataFileLimits.MaxBytes + 1);
        }

        var clock = Stopwatch.StartNew();
        CliOutcome outcome = await CliRunner.RunAsync(args);

        outcome.AssertOneErrorLine(ExitCodes.Usage, Path.GetFileName(data), "at most 268,435,456 (256 MB)");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    // The command line reading the data file of the kind, and that file (written by the test).
    private (string[] Args, string Data) Prepare(string kind)
    {
        switch (kind)
        {
            case "show results.json" or "show journal.jsonl":
                string results = _temp.File(kind.Split(' ')[1]);
                return (["show", results], results);
            case "run output journal":
                return (["run", ExperimentFiles.Builtin(_temp, "\"output\": {\"journal\": \"journal.jsonl\"}")], _temp.File("journal.jsonl"));
            case "warm_start":
                return (["run", ExperimentFiles.Builtin(_temp, "\"warm_start\": \"prior.json\"")], _temp.File("prior.json"));
            case "llm dataset .jsonl" or "llm dataset .json" or "llm dataset .csv":
                string llm = _temp.CopyFrom(Repository.Example("llm"), "llm", Repository.IsExampleSource);
                string dataset = "questions" + kind.Split(' ')[2];
                Replace(Path.Combine(llm, "experiment.yaml"), "dataset: questions.jsonl", $"dataset: {dataset}");
                return (["run", Path.Combine(llm, "experiment.yaml")], Path.Combine(llm, dataset));
            default:
                string rag = _temp.CopyFrom(Repository.Example("rag"), "rag", Repository.IsExampleSource);
                string data = kind == "rag questions" ? Path.Combine(rag, "questions.jsonl") : Directory.EnumerateFiles(Path.Combine(rag, "corpus")).First();
                return (["run", Path.Combine(rag, "experiment.yaml")], data);
        }
    }

    private static void Replace(string file, string original, string replacement)
    {
        string text = File.ReadAllText(file);
        Assert.Contains(original, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(original, replacement, StringComparison.Ordinal));
    }
}
