namespace Nomadic.Workspace.Api;

/// <summary>A plot a result offers.</summary>
/// <param name="Name">The name to request as <c>plots/NAME.png</c> or <c>plots/NAME.svg</c>.</param>
/// <param name="Title">The plot's title.</param>
internal sealed record PlotInfo(string Name, string Title);
