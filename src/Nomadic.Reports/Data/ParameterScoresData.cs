namespace Nomadic.Reports.Data;

/// <summary>The scores of the completed runs against one parameter (the score-by-parameter and slice plots).</summary>
/// <param name="Axis">The parameter as an axis.</param>
/// <param name="Points">One point per completed run with a usable score in which the parameter exists.</param>
/// <param name="Categories">For a categorical parameter, the scores per category in axis order; empty otherwise.</param>
internal sealed record ParameterScoresData(ParameterAxis Axis, IReadOnlyList<ParameterPoint> Points, IReadOnlyList<CategoryScores> Categories);
