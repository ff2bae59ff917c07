namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>Where a value stands in an experiment file, 1-based; line 0 when unknown.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Unknown => default;

    /// <summary>Prefixes <paramref name="problem"/> with the file and, when known, this position.</summary>
    public string Describe(string file, string problem) =>
        Line > 0 ? $"{file}: line {Line}, column {Column}: {problem}" : $"{file}: {problem}";
}
