using System.Diagnostics;
using Nomadic.Cli.Configuration.Syntax;
using YamlDotNet.Core;

namespace Nomadic.Cli.Tests.Configuration.Syntax;

public sealed class YamlLimitsTests
{
    [Fact]
    public void Check_BillionLaughs_RefusesAtTheAliasThatPassesTheLimitWithinASecond()
    {
        var clock = Stopwatch.StartNew();

        InputException error = Assert.Throws<InputException>(() => Check(BillionLaughs()));

        Assert.Equal("x.yaml: line 6, column 8: holds more than 100,000 values once its aliases are expanded (the limit)", error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(ExperimentFileLimits.MaxDepth + 1)]
    public void Check_FlowListsNestedTooDeep_RefusesNamingTheLimitAndTheLine(int depth)
    {
        string text = "name: x\nsearch_space: " + new string('[', depth) + new string(']', depth) + "\n";

        InputException error = Assert.Throws<InputException>(() => Check(text));

        Assert.Equal($"x.yaml: line 2, column {15 + ExperimentFileLimits.MaxDepth - 1}: lists and objects are nested deeper than 64 levels (the limit)", error.Message);
    }

    [Fact]
    public void Check_BlockMappingsNestedTooDeep_Refuses()
    {
        string text = string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + $"k{i}:\n")) + new string(' ', 2_000) + "v\n";

        InputException error = Assert.Throws<InputException>(() => Check(text));

        Assert.StartsWith("x.yaml: line 65, ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nested deeper than 64 levels (the limit)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NestingAtTheLimitAndAliasesWithinIt_Passes()
    {
        string nested = new string('[', ExperimentFileLimits.MaxDepth - 1) + new string(']', ExperimentFileLimits.MaxDepth - 1);
        string text = $"base: &base {{lr: 0.1, layers: [1, 2, 3]}}\nfirst: *base\nsecond: {{<<: *base, lr: 0.2}}\ndeep: {nested}\n";

        Check(text);
    }

    [Fact]
    public void Parse_BillionLaughs_IsRefusedBeforeAnyNodeIsBuilt()
    {
        InputException error = Assert.Throws<InputException>(() => YamlConfigParser.Parse(BillionLaughs(), "x.yaml"));

        Assert.Contains("values once its aliases are expanded", error.Message, StringComparison.Ordinal);
    }

    private static void Check(string text) => YamlLimits.Check(new Parser(new StringReader(text)), "x.yaml");

    // Nine levels of nine aliases each: a billion strings once expanded, from ten short lines.
    private static string BillionLaughs() =>
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + string.Concat(Enumerable.Range(1, 9).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 9))}]\n"));
}
