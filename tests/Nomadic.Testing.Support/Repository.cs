namespace Nomadic.Testing;

/// <summary>Paths in the source repository, found from the test assembly's folder (shared by the test projects that read examples).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    /// <summary>Tells whether a file of an example (by its path relative to the example) belongs to it, rather than to the output a run left in its out folder.</summary>
    public static bool IsExampleSource(string relativePath) => !relativePath.StartsWith("out", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Nomadic.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Nomadic.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
