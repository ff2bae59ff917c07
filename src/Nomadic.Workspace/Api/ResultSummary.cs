using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Api;

/// <summary>An uploaded result as the API lists it.</summary>
/// <param name="Id">The result's id: the uploader's <c>ExperimentResult.ClientId</c>.</param>
/// <param name="Name">The result's name, or <see langword="null"/>.</param>
/// <param name="Runs">How many runs it holds.</param>
/// <param name="CreatedAt">When it was uploaded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record ResultSummary(Guid Id, string? Name, int Runs, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ResultSummary Of(ResultRecord record) => new(record.Id, record.Name, record.RunCount, record.CreatedAt, record.UpdatedAt);
}
