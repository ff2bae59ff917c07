using Nomadic.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Nomadic.Cli.Output;

/// <summary>
/// The one place the commands write results: tables (Spectre tables on a terminal, aligned plain text otherwise),
/// lines, and the library's JSON and CSV forms of a result.
/// </summary>
internal sealed class OutputWriter
{
    private readonly TextWriter _writer;

    public OutputWriter(CliConsole console)
    {
        _writer = console.Out;
        Console = console.IsTerminal ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) }) : null;
    }

    /// <summary>Gets the rich console when writing to a terminal, for live progress; <see langword="null"/> otherwise.</summary>
    public IAnsiConsole? Console { get; }

    public void Line(string text = "")
    {
        if (Console is not null)
        {
            Console.WriteLine(text);
        }
        else
        {
            _writer.WriteLine(text);
        }
    }

    public void Table(TableData table)
    {
        if (Console is not null)
        {
            Console.MarkupLine($"[bold]{Markup.Escape(table.Title)}[/]");
            Console.Write(Rich(table));
            return;
        }

        _writer.WriteLine(table.Title);
        int[] widths = table.Headers.Select((h, c) => table.Rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        WritePlainRow(table.Headers, widths, table.NumericColumns);
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            WritePlainRow(row, widths, table.NumericColumns);
        }
    }

    public void Json(ExperimentResult result) => _writer.WriteLine(result.ToJson());

    public void Csv(ExperimentResult result) => result.WriteCsv(_writer);

    private static Table Rich(TableData data)
    {
        var table = new Table { Border = TableBorder.Rounded };
        for (int c = 0; c < data.Headers.Count; c++)
        {
            var column = new TableColumn(new Text(data.Headers[c], new Style(decoration: Decoration.Bold)));
            table.AddColumn(data.NumericColumns.Contains(c) ? column.RightAligned() : column);
        }

        foreach (IReadOnlyList<string> row in data.Rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        return table;
    }

    private void WritePlainRow(IReadOnlyList<string> cells, int[] widths, IReadOnlySet<int> numeric)
    {
        var parts = new string[cells.Count];
        for (int c = 0; c < cells.Count; c++)
        {
            parts[c] = numeric.Contains(c) ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]);
        }

        _writer.WriteLine(("  " + string.Join("  ", parts)).TrimEnd());
    }
}
