using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>The few-shot pool: a dataset file of examples and how one example is written.</summary>
/// <param name="File">The examples file, relative to the experiment file.</param>
/// <param name="Template">How one example is written; the pool's default when null.</param>
internal sealed record FewShotSpec(LocatedText File, LocatedText? Template);
