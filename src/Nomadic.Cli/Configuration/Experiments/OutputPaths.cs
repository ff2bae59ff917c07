namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>Where <c>nomadic run</c> writes its results: full paths, or <see langword="null"/> for a file not asked for.</summary>
internal sealed record OutputPaths(string? Results, string? Journal, string? Csv)
{
    /// <summary>Resolves the declared paths against a folder (the experiment file's, or <c>--out-dir</c>).</summary>
    public static OutputPaths Resolve(OutputSpec spec, string folder) =>
        new(Full(spec.Results, folder), Full(spec.Journal, folder), Full(spec.Csv, folder));

    private static string? Full(string? path, string folder) => path is null ? null : Path.GetFullPath(path, folder);
}
