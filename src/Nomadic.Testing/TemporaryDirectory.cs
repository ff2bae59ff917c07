namespace Nomadic.Testing;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    /// <param name="prefix">The start of the folder's name. The default value is <c>nomadic-</c>.</param>
    public TemporaryDirectory(string prefix = "nomadic-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>Gets the folder's full path.</summary>
    public string Path { get; }

    /// <summary>The full path of a file or folder in this one (which need not exist).</summary>
    /// <param name="name">The relative path.</param>
    /// <returns>The full path.</returns>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file (creating its folder) with <c>\n</c> line endings and returns its full path.</summary>
    /// <param name="name">The file's relative path.</param>
    /// <param name="text">The file's text.</param>
    /// <returns>The full path.</returns>
    public string Write(string name, string text)
    {
        string path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Copies a folder with its subfolders into this one.</summary>
    /// <param name="sourceFolder">The folder to copy.</param>
    /// <param name="name">The copy's relative path in this folder.</param>
    /// <param name="include">Tells from a file's path relative to <paramref name="sourceFolder"/> whether to copy it; every file when <see langword="null"/>.</param>
    /// <returns>The copy's full path.</returns>
    public string CopyFrom(string sourceFolder, string name, Func<string, bool>? include = null)
    {
        string target = File(name);
        Directory.CreateDirectory(target);
        foreach (string source in Directory.EnumerateFiles(sourceFolder, "*", SearchOption.AllDirectories))
        {
            string relative = System.IO.Path.GetRelativePath(sourceFolder, source);
            if (include is not null && !include(relative))
            {
                continue;
            }

            string destination = System.IO.Path.Combine(target, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            System.IO.File.Copy(source, destination);
        }

        return target;
    }

    /// <summary>Deletes the folder and everything in it; a file another process still holds is left to the system.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the system cleans its temp folder.
        }
    }
}
