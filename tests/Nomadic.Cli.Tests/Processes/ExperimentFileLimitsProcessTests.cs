using System.Diagnostics;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Processes;

/// <summary>
/// The real <c>nomadic</c> process given hostile experiment files: nesting that would overflow the stack (which no
/// handler in the process can catch) and an alias bomb end in one line and exit code 2, quickly.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class ExperimentFileLimitsProcessTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Hostile experiment files by name: deep flow lists, deep block mappings, a billion laughs, deep JSON.</summary>
    public static TheoryData<string> Files => ["deep-flow.yaml", "deep-block.yaml", "laughs.yaml", "deep.json"];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Run_HostileExperimentFile_EndsWithOneLineAndExitCodeTwoWithinSeconds(string name)
    {
        string file = _temp.Write(name, Hostile(name));
        var clock = Stopwatch.StartNew();

        using CliProcess process = CliProcess.Start(_temp.Path, "run", file);
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromSeconds(60));

        outcome.AssertOneErrorLine(ExitCodes.Usage, file);
        Assert.Equal("", outcome.Stdout);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    private static string Hostile(string name) => name switch
    {
        "deep-flow.yaml" => "name: x\nsearch_space: " + new string('[', 50_000) + new string(']', 50_000) + "\n",
        "deep-block.yaml" => string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i) + $"k{i}:\n")) + new string(' ', 3_000) + "v\n",
        "laughs.yaml" => "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 9))}]\n")),
        _ => "{\"name\": \"x\", \"search_space\": " + new string('[', 100_000) + new string(']', 100_000) + "}",
    };
}
