namespace Nomadic.AI;

/// <summary>Why a value, or a search-space domain, is unusable for one parameter.</summary>
/// <param name="Name">The parameter, e.g. <c>max_tokens</c>.</param>
/// <param name="Message">One line without the name, e.g. <c>0 is not a whole number of 1 or more</c>.</param>
public sealed record ParameterProblem(string Name, string Message);
