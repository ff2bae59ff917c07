using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>The completed runs in the plane of two objectives, with the experiment's Pareto front marked.</summary>
/// <param name="XName">The horizontal objective: <c>score</c> or a metadata key.</param>
/// <param name="XDirection">Whether higher or lower values of it are better.</param>
/// <param name="YName">The vertical objective.</param>
/// <param name="YDirection">Whether higher or lower values of it are better.</param>
/// <param name="Points">The runs with a usable score and finite values of both objectives, in run order.</param>
internal sealed record ParetoData(string XName, Direction XDirection, string YName, Direction YDirection, IReadOnlyList<ParetoPoint> Points);
