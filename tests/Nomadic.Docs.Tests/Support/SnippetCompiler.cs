using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Nomadic.Docs.Tests.Support;

/// <summary>
/// Compiles a snippet as a program of top-level statements (or, without statements, as a library) against the product assemblies and the shared framework,
/// with the implicit usings of a new console project, the usings of the blocks above it, and <see cref="DocsPrelude"/>.
/// </summary>
internal static class SnippetCompiler
{
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>The compiler's errors, each as "line: id: message" with the line counted in the snippet.</summary>
    public static IReadOnlyList<string> Errors(CSharpSnippet snippet)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        string usings = string.Join('\n', ImplicitUsings.Select(u => $"global using {u};")
            .Concat(snippet.EarlierUsings.Select(u => "global " + u))
            .Append($"global using static {typeof(DocsPrelude).FullName};"));
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(snippet.Code, parse, path: snippet.File),
            CSharpSyntaxTree.ParseText(usings, parse, path: "usings.cs"),
        ];
        // A block of only type declarations (a test class to derive, say) is a library, not a program.
        OutputKind kind = trees[0].GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var options = new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable);
        CSharpCompilation compilation = CSharpCompilation.Create("Snippet", trees, References.Value, options);
        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{snippet.File}:{snippet.Line + d.Location.GetLineSpan().StartLinePosition.Line}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        // The shared frameworks this test runs on (including ASP.NET Core, for the Workspace), then every managed
        // assembly beside the test: the product's and its packages'.
        string[] framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in framework.Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")))
        {
            if (!byName.ContainsKey(Path.GetFileName(path)) && IsManaged(path))
            {
                byName[Path.GetFileName(path)] = path;
            }
        }

        return [.. byName.Values.Select(p => MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata;
    }
}
