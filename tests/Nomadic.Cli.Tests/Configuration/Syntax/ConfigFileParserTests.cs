using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.Syntax;

public sealed class ConfigFileParserTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("config.json", "{\"name\": \"x\", \"size\": 3}")]
    [InlineData("config.yaml", "name: x\nsize: 3\n")]
    [InlineData("config.YML", "name: x\nsize: 3\n")]
    public void Parse_JsonOrYamlFile_ReadsTheSameValuesWithPositions(string name, string text)
    {
        string path = _temp.Write(name, text);

        var root = (ConfigMap)ConfigFileParser.Parse(path);

        Assert.Equal(["name", "size"], root.Entries.Select(e => e.Key));
        Assert.Equal("x", ((ConfigScalar)root.Find("name")!.Value).Value);
        Assert.Equal(3, ((ConfigScalar)root.Find("size")!.Value).Value);
        Assert.True(root.Find("size")!.KeyPosition.Line > 0);
    }

    [Fact]
    public void Parse_MissingFile_SaysThereIsNoSuchFile()
    {
        string path = _temp.File("missing.yaml");

        var error = Assert.Throws<InputException>(() => ConfigFileParser.Parse(path));

        Assert.Equal($"{path}: no such file", error.Message);
    }

    [Fact]
    public void Parse_OtherExtension_NamesTheTypesItReads()
    {
        string path = _temp.Write("config.toml", "name = \"x\"\n");

        var error = Assert.Throws<InputException>(() => ConfigFileParser.Parse(path));

        Assert.Equal($"{path}: unsupported file type \".toml\" (expected .json, .yaml or .yml)", error.Message);
    }

    [Fact]
    public void Parse_FileOverTheLimit_IsRefusedBeforeParsing()
    {
        string path = _temp.File("big.json");
        using (FileStream sparse = File.Create(path))
        {
            sparse.SetLength(ExperimentFileLimits.MaxBytes + 1);
        }

        var error = Assert.Throws<InputException>(() => ConfigFileParser.Parse(path));

        Assert.StartsWith($"{path}: the file has 10,485,761 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsThePosition()
    {
        string path = _temp.Write("broken.json", "{\n  \"name\": \n}");

        var error = Assert.Throws<InputException>(() => ConfigFileParser.Parse(path));

        Assert.StartsWith($"{path}: line 3, column", error.Message, StringComparison.Ordinal);
    }
}
