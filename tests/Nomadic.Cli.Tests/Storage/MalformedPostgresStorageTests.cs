using System.Text.Json;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Storage;

/// <summary>
/// Every command that takes a storage refuses a malformed PostgreSQL URL or connection string before connecting: one
/// line naming the problem, exit 2, the password never shown.
/// </summary>
public sealed class MalformedPostgresStorageTests : IDisposable
{
    private const string Password = "s3cretPW";
    private readonly TemporaryDirectory _temp = new();

    public static TheoryData<string, string> Storages => new()
    {
        { $"postgresql://u:{Password}@[::1/db", "the IPv6 host address has no closing ']'" },
        { $"postgresql://u:{Password}@host:99999/db", "port 99999 is out of range (1 to 65535)" },
        { $"Host=x;Password={Password};Port=abc", "\"port\" cannot be \"abc\"" },
        { $"Host=x;Password={Password};Bogus=1", "unknown keyword \"bogus\"" },
    };

    public static TheoryData<string, string> CommandsAndStorages()
    {
        var data = new TheoryData<string, string>();
        foreach (string command in new[] { "ls", "show", "export", "report", "rm", "run", "worker", "serve", "key-create", "key-list", "key-revoke" })
        {
            foreach (string storage in new[] { $"postgresql://u:{Password}@[::1/db", $"postgresql://u:{Password}@host:99999/db", $"Host=x;Password={Password};Port=abc", $"Host=x;Password={Password};Bogus=1" })
            {
                data.Add(command, storage);
            }
        }

        return data;
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(CommandsAndStorages))]
    public async Task Command_MalformedPostgresStorage_OneLineExitTwoNoPassword(string command, string storage)
    {
        string[] args = command switch
        {
            "ls" => ["ls", "--storage", storage],
            "show" or "export" or "worker" => [command, "x2", "--storage", storage],
            "report" => ["report", "x2", "--storage", storage, "--output", _temp.File("report.html")],
            "rm" => ["rm", "x2", "--yes", "--storage", storage],
            "run" => ["run", ExperimentFiles.Builtin(_temp), "--storage", storage],
            "serve" => ["serve", "--storage", storage, "--port", "0"],
            "key-revoke" => ["workspace", "key", "revoke", "team", "1", "--storage", storage],
            _ => ["workspace", "key", command[4..], "team", "--storage", storage],
        };

        CliOutcome outcome = await CliRunner.RunAsync(args);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "invalid PostgreSQL storage: ", Problem(storage));
        Assert.DoesNotContain(Password, outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Run_MalformedStorageInTheExperimentFile_NamesTheFileAndField(string storage, string problem)
    {
        string file = ExperimentFiles.Builtin(_temp, "\"storage\": " + JsonSerializer.Serialize(storage));

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "experiment.json", "\"storage\": invalid PostgreSQL storage: " + problem);
        Assert.DoesNotContain(Password, outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.db"));
    }

    [Fact]
    public async Task Ls_MalformedPostgresUrl_InARealProcess_OneLineExitTwoNoPassword()
    {
        using CliProcess process = CliProcess.Start(_temp.Path, "ls", "--storage", $"postgresql://u:{Password}@host:99999/db");
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("error: invalid PostgreSQL storage: port 99999 is out of range (1 to 65535)\n", outcome.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.DoesNotContain(Password, outcome.Stdout, StringComparison.Ordinal);
    }

    private static string Problem(string storage) => Storages.Single(row => (string)row[0] == storage)[1].ToString()!;
}
