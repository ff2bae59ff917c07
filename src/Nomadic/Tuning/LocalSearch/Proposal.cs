namespace Nomadic.Tuning.LocalSearch;

/// <summary>A configuration the tuner handed out and awaits the result of.</summary>
/// <param name="Thread">The local search that proposed it, or <see langword="null"/> for the global search or a start point.</param>
/// <param name="Version">The thread's <see cref="LocalThread.Version"/> when it proposed the point.</param>
/// <param name="Point">The point in the normalized space.</param>
internal sealed record Proposal(LocalThread? Thread, int Version, double[] Point);
