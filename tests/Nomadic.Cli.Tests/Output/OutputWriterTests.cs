using Nomadic.Cli.Output;

namespace Nomadic.Cli.Tests.Output;

public sealed class OutputWriterTests
{
    private static readonly TableData Table = new("Runs", ["rank", "params"], [["1", "a=1"], ["10", "a=22 b=3"]], new HashSet<int> { 0 });

    [Fact]
    public void Table_Plain_AlignsColumnsNumbersToTheRight()
    {
        var text = new StringWriter();

        new OutputWriter(new CliConsole(text, TextWriter.Null, IsTerminal: false)).Table(Table);

        Assert.Equal("Runs\n  rank  params\n     1  a=1\n    10  a=22 b=3\n", text.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Table_Terminal_DrawsABoxedTable()
    {
        var text = new StringWriter();

        new OutputWriter(new CliConsole(text, TextWriter.Null, IsTerminal: true)).Table(Table);

        string output = text.ToString();
        Assert.Contains("Runs", output, StringComparison.Ordinal);
        Assert.Contains("a=22 b=3", output, StringComparison.Ordinal);
        Assert.Contains("│", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_NotATerminal_IsNull() =>
        Assert.Null(new OutputWriter(new CliConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false)).Console);
}
