using System.CommandLine;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests;

/// <summary>Every option and argument of every command, found by walking the tree the command line builds, refuses a bad value in one line.</summary>
public sealed class CommandLineErrorsTests
{
    private static readonly Type[] TextTypes = [typeof(string), typeof(string[])];
    private static readonly Type[] NumberTypes = [typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(double), typeof(double?)];

    /// <summary>(command path, option name) for every option whose value is not text.</summary>
    public static TheoryData<string, string> TypedOptions => Rows(o => !TextTypes.Contains(o.ValueType));

    /// <summary>(command path, option name) for every option that takes a number.</summary>
    public static TheoryData<string, string> NumberOptions => Rows(o => NumberTypes.Contains(o.ValueType));

    /// <summary>(command path, argument name) for every positional argument whose value is not text.</summary>
    public static TheoryData<string, string> TypedArguments
    {
        get
        {
            var rows = new TheoryData<string, string>();
            foreach ((string path, Command command) in Commands(Root(), ""))
            {
                foreach (Argument argument in command.Arguments.Where(a => !TextTypes.Contains(a.ValueType)))
                {
                    rows.Add(path, argument.Name);
                }
            }

            return rows;
        }
    }

    [Fact]
    public void TypedOptions_WalkOfTheTree_FindsTheNumberOptionsOfEveryCommand()
    {
        string[] found = [.. NumberOptions.Select(row => $"{row[0]} {row[1]}")];

        Assert.Contains("show --top", found);
        Assert.Contains("serve --port", found);
        Assert.Contains("run --lease-seconds", found);
        Assert.Contains("worker --lease-seconds", found);
        Assert.Contains("worker --max-concurrent", found);
        Assert.Contains(TypedArguments, row => (string)row[1] == "key-id");
    }

    /// <summary>(command path, option name) for every text option limited to a fixed set of values, which it offers as completions.</summary>
    public static TheoryData<string, string> FixedValueOptions => Rows(o => TextTypes.Contains(o.ValueType) && Accepted(o).Length > 0);

    [Fact]
    public void FixedValueOptions_WalkOfTheTree_FindsTheExportFormat()
    {
        Assert.Contains(FixedValueOptions, row => (string)row[0] == "export" && (string)row[1] == "--format");
    }

    [Theory]
    [MemberData(nameof(FixedValueOptions))]
    public async Task RunAsync_OptionWithAValueNotAmongItsOwn_PrintsOneLineListingThemAndExitsTwo(string path, string option)
    {
        CliOutcome outcome = await CliRunner.RunAsync([.. Invocation(path), option, "xml"]);

        string accepted = string.Join(", ", Accepted(Find(path).Options.Single(o => o.Name == option)));
        Assert.Equal($"error: {option}: 'xml' is not one of {accepted} (see nomadic --help)", outcome.AssertOneErrorLine(ExitCodes.Usage));
    }

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public async Task RunAsync_OptionWithUnparsableValue_PrintsOneLineNamingTheValueAndExitsTwo(string path, string option)
    {
        CliOutcome outcome = await CliRunner.RunAsync([.. Invocation(path), option, "abc"]);

        string line = outcome.AssertOneErrorLine(ExitCodes.Usage, "'abc'");
        if (NumberTypes.Contains(Find(path).Options.Single(o => o.Name == option).ValueType))
        {
            Assert.Contains($"{option}: 'abc' is not a", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(NumberOptions))]
    public async Task RunAsync_NumberOptionOutOfRange_PrintsOneLineNamingTheOptionAndExitsTwo(string path, string option)
    {
        bool fractional = Find(path).Options.Single(o => o.Name == option).ValueType is var type && (type == typeof(double) || type == typeof(double?));
        string[] values = fractional ? ["-1", "0", "NaN", "-Infinity", "Infinity", "1e400", "1e300"] : ["-1", "99999999999999999999", "1.5"];

        foreach (string value in values)
        {
            CliOutcome outcome = await CliRunner.RunAsync([.. Invocation(path), option, value]);

            outcome.AssertOneErrorLine(ExitCodes.Usage, option);
        }
    }

    [Theory]
    [MemberData(nameof(TypedArguments))]
    public async Task RunAsync_ArgumentWithUnparsableValue_PrintsOneLineNamingTheArgumentAndExitsTwo(string path, string argument)
    {
        string[] args = [.. path.Split(' '), .. Find(path).Arguments.Select(a => a.Name == argument ? "abc" : "x")];

        CliOutcome outcome = await CliRunner.RunAsync(args);

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"<{argument}>: 'abc' is not a");
    }

    [Fact]
    public async Task RunAsync_OptionWithoutItsValue_PrintsOneLineNamingTheOption()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", "x", "--top");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "--top");
    }

    [Theory]
    [InlineData("run", "nomadic run needs <experiment>")]
    [InlineData("worker", "nomadic worker needs <experiment-name>")]
    [InlineData("workspace key revoke team", "nomadic workspace key revoke needs <key-id>")]
    public async Task RunAsync_MissingArgument_PrintsOneLineNamingTheCommandAndTheArgument(string line, string message)
    {
        CliOutcome outcome = await CliRunner.RunAsync(line.Split(' '));

        Assert.Equal($"error: {message} (see nomadic --help)", outcome.AssertOneErrorLine(ExitCodes.Usage));
    }

    private static string[] Accepted(Option option) => [.. option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label)];

    private static RootCommand Root() => CliApp.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false));

    private static Command Find(string path) =>
        path.Split(' ').Aggregate((Command)Root(), (command, name) => command.Subcommands.Single(c => c.Name == name));

    // The command's path and a text for each of its positional arguments, so only the option under test can be wrong.
    private static string[] Invocation(string path) => [.. path.Split(' '), .. Find(path).Arguments.Select(_ => "x")];

    private static TheoryData<string, string> Rows(Func<Option, bool> select)
    {
        var rows = new TheoryData<string, string>();
        foreach ((string path, Command command) in Commands(Root(), ""))
        {
            foreach (Option option in command.Options.Where(o => o.Name is not ("--help" or "--version") && select(o)))
            {
                rows.Add(path, option.Name);
            }
        }

        return rows;
    }

    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        foreach (Command sub in command.Subcommands)
        {
            string subPath = path.Length == 0 ? sub.Name : $"{path} {sub.Name}";
            yield return (subPath, sub);
            foreach ((string Path, Command Command) nested in Commands(sub, subPath))
            {
                yield return nested;
            }
        }
    }
}
