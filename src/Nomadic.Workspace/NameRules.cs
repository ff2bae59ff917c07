namespace Nomadic.Workspace;

/// <summary>
/// What a name (workspace, experiment, result) may be. Names are data, never paths: any text is kept as given, so
/// <c>../</c> does nothing, but control characters and overlong names are refused.
/// </summary>
internal static class NameRules
{
    public const int MaxLength = 200;

    /// <summary>Checks a name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="field">The field's name, for the message.</param>
    /// <returns>What is wrong, naming the field, or <see langword="null"/> when the name is valid.</returns>
    public static string? Check(string? name, string field) =>
        string.IsNullOrWhiteSpace(name) ? $"\"{field}\" must be a non-empty name."
        : name.Length > MaxLength ? $"\"{field}\" is longer than {MaxLength} characters."
        : name.Any(char.IsControl) ? $"\"{field}\" must not contain control characters."
        : name != name.Trim() ? $"\"{field}\" must not start or end with white space."
        : null;
}
