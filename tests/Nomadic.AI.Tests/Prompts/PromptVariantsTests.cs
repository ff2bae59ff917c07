using Nomadic.AI.Prompts;
using Nomadic.Tuning;

namespace Nomadic.AI.Tests.Prompts;

public class PromptVariantsTests
{
    [Fact]
    public void ToDomain_ChoiceOfNamesInOrder()
    {
        var variants = new PromptVariants(new Dictionary<string, string> { ["b"] = "B {query}", ["a"] = "A {query}" });

        ChoiceDomain domain = variants.ToDomain();

        Assert.Equal(new object?[] { "b", "a" }, domain.Values);
        Assert.Equal("A {query}", variants["a"].Text);
    }

    [Fact]
    public void Indexer_UnknownName_ListsVariants()
    {
        var variants = PromptVariants.Of("{query}");

        var error = Assert.Throws<ArgumentException>(() => variants["other"]);

        Assert.Contains("default", error.Message, StringComparison.Ordinal);
    }
}
