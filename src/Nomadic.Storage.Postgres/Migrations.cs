namespace Nomadic.Storage.Postgres;

/// <summary>The storage's schema as numbered steps; a released step never changes, later steps alter what it made.</summary>
internal static class Migrations
{
    /// <summary>Gets the steps in order, each a list of statements; step <c>i</c> brings the schema to version <c>i + 1</c>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Steps { get; } = [SchemaVersion1.Statements, SchemaVersion2.Statements, SchemaVersion3.Statements];

    /// <summary>Gets the newest schema version this code knows.</summary>
    public static int Latest => Steps.Count;
}
