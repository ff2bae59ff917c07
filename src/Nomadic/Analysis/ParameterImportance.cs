namespace Nomadic.Analysis;

/// <summary>The importance of one parameter: the share of the score's variance its main effect explains.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Importance">The main-effect fraction normalized so the importances of all parameters sum to 1.</param>
/// <param name="MainEffectFraction">
/// The fraction of each tree's prediction variance explained by this parameter alone, averaged over the trees; the
/// fractions of all parameters sum to at most 1, the rest being interactions. When some parameters are conditional, the
/// fraction of the score's variance over all runs instead (the fraction within the runs where the parameter exists,
/// scaled as <see cref="ExperimentAnalysis.ParameterImportances"/> describes).
/// </param>
/// <param name="StandardDeviation">The standard deviation of that fraction across the trees.</param>
/// <param name="RunCount">The number of completed runs the parameter's effect was estimated from: those where it exists.</param>
public sealed record ParameterImportance(string Name, double Importance, double MainEffectFraction, double StandardDeviation, int RunCount);
