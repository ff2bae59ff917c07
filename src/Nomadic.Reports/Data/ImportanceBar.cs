namespace Nomadic.Reports.Data;

/// <summary>The importance of one parameter.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Importance">Its importance, as computed by the caller (e.g. a share of the score's variance).</param>
internal readonly record struct ImportanceBar(string Parameter, double Importance);
