using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Cli.Output;

/// <summary>How scores, parameters and errors read on screen: short, invariant, one line.</summary>
internal static class DisplayText
{
    public static string Score(double score) => double.IsNaN(score) ? "-" : Short(score);

    public static string Value(object? value) => value is double d ? Short(d) : ParamText.Invariant(value);

    /// <summary>Writes parameters as <c>name=value</c> pairs in their order.</summary>
    public static string Params(IReadOnlyDictionary<string, object?> parameters) =>
        string.Join(' ', parameters.Select(p => p.Key + "=" + Value(p.Value)));

    /// <summary>Counts runs in words: <c>1 run</c>, <c>5 runs</c>.</summary>
    public static string Runs(long count) => count == 1 ? "1 run" : count.ToString(CultureInfo.InvariantCulture) + " runs";

    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string Shorten(string? text, int length)
    {
        string line = (text ?? "").ReplaceLineEndings(" ");
        return line.Length <= length ? line : line[..(length - 3)] + "...";
    }

    private static string Short(double value) => NumberText.Format(value);

    /// <summary>
    /// Words a sentence to follow a colon: its first letter lower-case unless the first word is an acronym or a
    /// symbol (<c>Too little data: ...</c> becomes <c>too little data: ...</c>; <c>UTF-8 ...</c> stays).
    /// </summary>
    public static string AfterColon(string sentence)
    {
        if (sentence.Length < 2 || !char.IsUpper(sentence[0]) || char.IsUpper(sentence[1]))
        {
            return sentence;
        }

        return string.Concat(char.ToLowerInvariant(sentence[0]).ToString(), sentence.AsSpan(1));
    }

    /// <summary>Gives a path relative to the current directory when it lies under it, as users typed it.</summary>
    public static string Path(string fullPath)
    {
        string relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
