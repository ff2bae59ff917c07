using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class SearchSpaceReaderTests
{
    [Fact]
    public void Read_YamlSpace_BuildsTheSameSpaceAsTheLibrarysJson()
    {
        SearchSpace space = Read("lr: {type: loguniform, low: 1e-5, high: 0.1}\nopt: [sgd, adam]\nlayers: {type: qrandint, low: 2, high: 8, q: 2}\nscale: [1.0, 2.0]\nsize: [32, 64]\n");

        Assert.Equal(SearchSpace.FromJson("""
            {"lr": {"type": "loguniform", "low": 1e-5, "high": 0.1}, "opt": ["sgd", "adam"],
             "layers": {"type": "qrandint", "low": 2, "high": 8, "q": 2}, "scale": [1.0, 2.0], "size": [32, 64]}
            """).ToJson(), space.ToJson());
        Assert.IsType<double>(((ChoiceDomain)space["scale"]).Values[0]);
        Assert.IsType<int>(((ChoiceDomain)space["size"]).Values[0]);
    }

    [Fact]
    public void Read_InvalidDomain_ReportsTheParameterAtItsPosition()
    {
        var error = Assert.Throws<InputException>(() => Read("a: [1]\nb: {type: uniform, low: 3, high: 1}\n"));

        Assert.Equal("space.yaml: line 2, column 4: \"search_space\": Parameter 'b': uniform low (3) must be less than high (1)", error.Message);
    }

    [Fact]
    public void Read_KeyTheDomainTypeDoesNotTake_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Read("a: {type: randint, low: 1, hihg: 5}\n"));

        Assert.Equal("space.yaml: line 1, column 28: unknown key \"hihg\" in \"search_space.a\"; did you mean \"high\"?", error.Message);
    }

    [Fact]
    public void Read_DuplicateChoice_IsRejectedByTheLibrary()
    {
        var error = Assert.Throws<InputException>(() => Read("a: [x, x]\n"));

        Assert.Contains("Parameter 'a': choice lists the value 'x' twice", error.Message, StringComparison.Ordinal);
    }

    private static SearchSpace Read(string yaml)
    {
        var root = (ConfigMap)YamlConfigParser.Parse(yaml, "space.yaml");
        return SearchSpaceReader.Read(new ConfigSection("space.yaml", "search_space", root));
    }
}
