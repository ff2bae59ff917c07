namespace Nomadic.Cli.Configuration;

/// <summary>The <c>tuner</c> of an experiment file: <c>"grid"</c>, <c>"random"</c>, <c>"sobol"</c> (quasi-random: a scrambled Sobol sequence), <c>"tpe"</c> (tree-structured Parzen estimator), <c>"gp"</c> (Gaussian-process Bayesian optimization) or <c>{"type": "random", "seed": 3}</c>.</summary>
internal sealed record TunerSpec(string Type, int? Seed, SourcePosition Position);
