using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>The <c>tuner</c> of an experiment file: a name such as <c>"tpe"</c> (see <see cref="Nomadic.Tuning.TunerCatalog"/>) or <c>{"type": "random", "seed": 3}</c>.</summary>
internal sealed record TunerSpec(string Type, int? Seed, SourcePosition Position);
