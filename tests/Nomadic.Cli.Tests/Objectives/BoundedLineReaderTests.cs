using Nomadic.Cli.Objectives;

namespace Nomadic.Cli.Tests.Objectives;

public sealed class BoundedLineReaderTests
{
    [Fact]
    public async Task ReadLineAsync_ShortLines_ReadsEachWithoutItsLineEnding()
    {
        var reader = new BoundedLineReader(new StringReader("a\r\n\nbc\nlast"), maxChars: 10);

        Assert.Equal(["a", "", "bc", "last"], await ReadAllAsync(reader));
        Assert.False(reader.SawLongLine);
    }

    [Fact]
    public async Task ReadLineAsync_LineLongerThanTheLimit_IsCutToItAndFlagged()
    {
        string longLine = new('x', 20_000);
        var reader = new BoundedLineReader(new StringReader($"{longLine}\n0.5\n"), maxChars: 100);

        List<string> lines = await ReadAllAsync(reader);

        Assert.Equal([new string('x', 100), "0.5"], lines);
        Assert.True(reader.SawLongLine);
    }

    private static async Task<List<string>> ReadAllAsync(BoundedLineReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is string line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
