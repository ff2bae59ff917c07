using System.Globalization;

namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>
/// How big an experiment file may be. Checked before and while parsing, so a hostile or broken file (a "billion
/// laughs" of YAML aliases, thousands of nested brackets) is refused in one line instead of taking minutes or the stack.
/// </summary>
internal static class ExperimentFileLimits
{
    /// <summary>The largest experiment file read: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The deepest nesting of lists and objects, in JSON and YAML alike.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values (scalars, lists and objects) a YAML file may hold once its aliases are expanded.</summary>
    public const int MaxYamlValues = 100_000;

    /// <summary>Refuses a file larger than <see cref="MaxBytes"/> before reading it.</summary>
    /// <param name="path">The file, which exists.</param>
    /// <exception cref="InputException">The file is too large.</exception>
    public static void CheckSize(string path)
    {
        long length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{path}: the file has {length:N0} bytes; an experiment file may have at most {MaxBytes:N0} (10 MB)"));
        }
    }
}
