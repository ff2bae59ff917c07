namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>The <c>output</c> of an experiment file: where to write results, journal and CSV, as declared (relative paths unresolved).</summary>
internal sealed record OutputSpec(string? Results, string? Journal, string? Csv);
