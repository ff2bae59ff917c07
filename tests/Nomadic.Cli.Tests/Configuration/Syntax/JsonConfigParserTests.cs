using System.Text;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Tests.Configuration.Syntax;

public sealed class JsonConfigParserTests
{
    [Fact]
    public void Parse_NestedValues_RememberTheirLineAndColumn()
    {
        var root = (ConfigMap)Parse("{\n  \"a\": {\n    \"b\": [1, \"x\"]\n  }\n}");

        ConfigEntry a = root.Find("a")!;
        var b = ((ConfigMap)a.Value).Find("b")!;
        Assert.Equal(new SourcePosition(2, 3), a.KeyPosition);
        Assert.Equal(new SourcePosition(3, 5), b.KeyPosition);
        Assert.Equal(new SourcePosition(3, 14), ((ConfigList)b.Value).Items[1].Position);
    }

    [Fact]
    public void Parse_Numbers_KeepIntegerAndDoubleApart()
    {
        var items = ((ConfigList)Parse("[1, 1.0, 1e2, 3000000000]")).Items.Cast<ConfigScalar>().Select(s => s.Value).ToArray();

        Assert.Equal([1, 1.0, 100.0, 3000000000L], items);
        Assert.IsType<double>(items[1]);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsSkipped()
    {
        ConfigNode root = JsonConfigParser.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"a\": true}")], "bom.json");

        Assert.Equal(true, ((ConfigScalar)((ConfigMap)root).Find("a")!.Value).Value);
    }

    [Fact]
    public void Parse_Empty_SaysTheFileIsEmpty()
    {
        var error = Assert.Throws<InputException>(() => Parse("  "));

        Assert.Equal("e.json: the file is empty", error.Message);
    }

    [Fact]
    public void Parse_TextAfterTheObject_IsMalformed()
    {
        var error = Assert.Throws<InputException>(() => Parse("{}\n{}"));

        Assert.StartsWith("e.json: line 2, column 1: malformed JSON: ", error.Message, StringComparison.Ordinal);
    }

    private static ConfigNode Parse(string json) => JsonConfigParser.Parse(Encoding.UTF8.GetBytes(json), "e.json");
}
