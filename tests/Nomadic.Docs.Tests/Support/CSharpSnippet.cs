using Markdig;
using Markdig.Syntax;

namespace Nomadic.Docs.Tests.Support;

/// <summary>
/// A ```csharp block of a Markdown file, with the using directives of the blocks above it in the same file: a page is
/// read top to bottom, so a block may rely on the namespaces an earlier block imported, never on ones it did not.
/// </summary>
public sealed record CSharpSnippet(string File, int Line, string Code, IReadOnlyList<string> EarlierUsings)
{
    /// <summary>Every ```csharp block of README.md and docs/*.md, in file order.</summary>
    public static IReadOnlyList<CSharpSnippet> InDocs()
    {
        IEnumerable<string> files = Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md").Order(StringComparer.Ordinal);
        return [.. new[] { Path.Combine(Repository.Root, "README.md") }.Concat(files).SelectMany(InFile)];
    }

    /// <summary>The ```csharp blocks of one Markdown file.</summary>
    public static IEnumerable<CSharpSnippet> InFile(string path)
    {
        MarkdownDocument document = Markdown.Parse(System.IO.File.ReadAllText(path));
        var usings = new List<string>();
        foreach (FencedCodeBlock block in document.Descendants<FencedCodeBlock>())
        {
            if (block.Info is not ("csharp" or "cs" or "c#"))
            {
                continue;
            }

            string code = block.Lines.ToString();
            yield return new CSharpSnippet(Path.GetRelativePath(Repository.Root, path), block.Line + 1, code, [.. usings]);
            usings.AddRange(code.Split('\n').Select(l => l.Trim()).Where(IsUsingDirective));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}";

    private static bool IsUsingDirective(string line) =>
        line.StartsWith("using ", StringComparison.Ordinal) && line.EndsWith(';') && !line.Contains('=', StringComparison.Ordinal) && !line.StartsWith("using var ", StringComparison.Ordinal);
}
