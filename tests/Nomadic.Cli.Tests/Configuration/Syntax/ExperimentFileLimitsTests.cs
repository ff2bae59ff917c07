using System.Diagnostics;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.Syntax;

public sealed class ExperimentFileLimitsTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("experiment.yaml")]
    [InlineData("experiment.json")]
    [InlineData("experiment.yml")]
    public async Task Run_ExperimentFileOverTheLimit_PrintsOneLineNamingTheFileAndTheLimitWithinASecond(string name)
    {
        string file = _temp.File(name);
        using (FileStream sparse = File.Create(file))
        {
            sparse.SetLength(ExperimentFileLimits.MaxBytes + 1);
        }

        var clock = Stopwatch.StartNew();
        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"{file}: the file has 10,485,761 bytes; an experiment file may have at most 10,485,760 (10 MB)");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Run_ExperimentFileAtTheLimit_IsRead()
    {
        string file = ExperimentFiles.Builtin(_temp);
        File.AppendAllText(file, new string(' ', (int)(ExperimentFileLimits.MaxBytes - new FileInfo(file).Length)));

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
    }

    [Theory]
    [InlineData("experiment.json", "{\"name\": \"x\", \"search_space\": ", "}")]
    [InlineData("experiment.yaml", "name: x\nsearch_space: ", "\n")]
    public async Task Run_ExperimentFileNestedTooDeep_PrintsOneLineNamingTheFileAndTheLine(string name, string before, string after)
    {
        string file = _temp.Write(name, before + new string('[', 100_000) + new string(']', 100_000) + after);

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, file, "64");
    }
}
