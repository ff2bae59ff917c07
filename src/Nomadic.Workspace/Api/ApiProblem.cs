namespace Nomadic.Workspace.Api;

/// <summary>A request the API refuses, answered as RFC 7807 problem details with its status.</summary>
internal sealed class ApiProblem : Exception
{
    public ApiProblem(int status, string title, string detail)
        : base(detail)
    {
        Status = status;
        Title = title;
    }

    public int Status { get; }

    public string Title { get; }

    public static ApiProblem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static ApiProblem NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", $"No {what} with that id in this workspace.");

    public static ApiProblem Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ApiProblem TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body is larger than the limit of {limit} bytes.");

    public static ApiProblem Unauthorized() => new(
        StatusCodes.Status401Unauthorized,
        "Unauthorized",
        "Send a valid workspace API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>' (create one with 'nomadic workspace key create').");
}
