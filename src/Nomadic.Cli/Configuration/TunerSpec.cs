namespace Nomadic.Cli.Configuration;

/// <summary>The <c>tuner</c> of an experiment file: <c>"grid"</c>, <c>"random"</c>, <c>"gp"</c> (Gaussian-process Bayesian optimization), <c>"nsga2"</c> (NSGA-II, for several objectives) or <c>{"type": "random", "seed": 3}</c>.</summary>
internal sealed record TunerSpec(string Type, int? Seed, SourcePosition Position);
