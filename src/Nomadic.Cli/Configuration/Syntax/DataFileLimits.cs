using System.Globalization;

namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>
/// How big a data file the command line reads whole may be: a result file, a results journal, a warm-start file, a
/// dataset, a rag questions file or corpus page. Checked before reading, so a wrong file is refused in one line
/// instead of filling the memory.
/// </summary>
internal static class DataFileLimits
{
    /// <summary>The largest data file read: 256 MB.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Says what is wrong with the size of a file, if anything.</summary>
    /// <param name="path">The file, which exists.</param>
    /// <returns>The problem, such as <c>the file "x.jsonl" has 300,000,000 bytes; ...</c>, or <see langword="null"/> when the file is small enough.</returns>
    public static string? SizeProblem(string path)
    {
        long length = new FileInfo(path).Length;
        return length > MaxBytes
            ? string.Create(CultureInfo.InvariantCulture, $"the file \"{path}\" has {length:N0} bytes; a data file may have at most {MaxBytes:N0} (256 MB)")
            : null;
    }
}
