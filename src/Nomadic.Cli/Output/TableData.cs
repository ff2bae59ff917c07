namespace Nomadic.Cli.Output;

/// <summary>A table to show, independent of how it is drawn: a title, column headers and rows of text.</summary>
/// <param name="Title">The line above the table.</param>
/// <param name="Headers">The column headers.</param>
/// <param name="Rows">The rows, each with one cell per header.</param>
/// <param name="NumericColumns">The columns aligned to the right.</param>
internal sealed record TableData(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> NumericColumns);
