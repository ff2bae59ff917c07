using Nomadic.AI.Prompts;

namespace Nomadic.AI.Tests.Prompts;

public class PromptTemplateTests
{
    [Fact]
    public void Render_FillsPlaceholdersAndKeepsOtherBraces()
    {
        var template = new PromptTemplate("Context:\n{context}\n\nQ: {query} ({tone}) Reply as {\"answer\": \"...\"}; {{query}} is literal.");

        string prompt = template.Render(new Dictionary<string, string> { ["context"] = "C", ["query"] = "Why?", ["tone"] = "brief" });

        Assert.Equal("Context:\nC\n\nQ: Why? (brief) Reply as {\"answer\": \"...\"}; {query} is literal.", prompt);
        Assert.Equal(["context", "query", "tone"], template.Placeholders);
    }

    [Fact]
    public void Render_UnknownPlaceholder_ErrorNamesItAndTheKnownOnes()
    {
        var template = new PromptTemplate("Answer {qurey}");

        var error = Assert.Throws<ArgumentException>(() => template.Render(new Dictionary<string, string> { ["query"] = "x", ["context"] = "" }));

        Assert.Contains("{qurey}, which is unknown", error.Message, StringComparison.Ordinal);
        Assert.Contains("{context}, {query}", error.Message, StringComparison.Ordinal);
    }
}
