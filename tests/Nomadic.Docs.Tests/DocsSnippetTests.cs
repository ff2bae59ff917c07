using Nomadic.Docs.Tests.Support;

namespace Nomadic.Docs.Tests;

public class DocsSnippetTests
{
    public static TheoryData<string> Snippets() => new(CSharpSnippet.InDocs().Select(s => s.ToString()));

    [Fact]
    public void InDocs_RepositoryDocs_FindsTheBlocksOfEveryPage()
    {
        IReadOnlyList<CSharpSnippet> snippets = CSharpSnippet.InDocs();

        Assert.Contains(snippets, s => s.File == "README.md");
        Assert.Contains(snippets, s => s.File == Path.Combine("docs", "ai.md"));
        Assert.Contains(snippets, s => s.File == Path.Combine("docs", "workspace.md"));
        Assert.Contains(snippets, s => s.File == Path.Combine("docs", "extending.md"));
        Assert.True(snippets.Count >= 12, $"{snippets.Count} C# blocks found");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Errors_DocsBlock_CompilesAsWritten(string snippet)
    {
        CSharpSnippet block = CSharpSnippet.InDocs().Single(s => s.ToString() == snippet);

        IReadOnlyList<string> errors = SnippetCompiler.Errors(block);

        Assert.True(errors.Count == 0, $"{snippet} does not compile:\n{string.Join('\n', errors)}\n\n{block.Code}");
    }
}
