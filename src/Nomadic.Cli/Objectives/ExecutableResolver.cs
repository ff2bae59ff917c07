namespace Nomadic.Cli.Objectives;

/// <summary>
/// Finds the program of a command the way a shell would, without running one: a name with a directory part is taken
/// relative to the working directory, a bare name is looked up on <c>PATH</c>.
/// </summary>
internal static class ExecutableResolver
{
    /// <summary>Resolves a program to a full path.</summary>
    /// <param name="program">The first word of the command.</param>
    /// <param name="workingDirectory">The directory the command runs in.</param>
    /// <returns>The executable's full path, or <see langword="null"/> when there is none.</returns>
    public static string? Resolve(string program, string workingDirectory)
    {
        if (program.Contains('/', StringComparison.Ordinal) || program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(program))
        {
            return Candidates(Path.GetFullPath(program, workingDirectory)).FirstOrDefault(IsExecutable);
        }

        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories
            .SelectMany(directory => Candidates(Path.Combine(directory, program)))
            .FirstOrDefault(IsExecutable);
    }

    private static IEnumerable<string> Candidates(string path)
    {
        yield return path;
        if (OperatingSystem.IsWindows() && !Path.HasExtension(path))
        {
            foreach (string extension in (Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return path + extension;
            }
        }
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
