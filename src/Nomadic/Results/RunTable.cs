using System.Globalization;
using Microsoft.Data.Analysis;

namespace Nomadic.Results;

/// <summary>
/// The tabular view of an experiment's runs, shared by the DataFrame and CSV exports: one row per run, a typed column
/// for the score, each parameter and each metadata key, and with extra objectives an <c>is_pareto</c> column; the CSV
/// adds the run's details (<see cref="RunDetailColumns"/>). Lists and dictionaries are compact JSON text.
/// </summary>
internal sealed class RunTable
{
    private RunTable(IReadOnlyList<Column> columns, int rowCount)
    {
        Columns = columns;
        RowCount = rowCount;
    }

    public IReadOnlyList<Column> Columns { get; }

    public int RowCount { get; }

    public static RunTable From(ExperimentResult result, bool includeMetadata, bool includeRunDetails = false)
    {
        IReadOnlyList<RunResult> runs = result.RunResults;
        var columns = new List<Column>();
        var scores = new object?[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            scores[i] = double.IsNaN(runs[i].Score) ? null : runs[i].Score;
        }

        columns.Add(new Column("score", scores, ColumnKind.Double));
        foreach (string name in KeysInOrder(result.HpSearchSpace.Names, runs.Select(r => r.Params)))
        {
            columns.Add(Column.Infer("param_" + name, runs, r => r.Params, name));
        }

        if (includeMetadata)
        {
            foreach (string key in KeysInOrder([], runs.Select(r => r.Metadata)))
            {
                columns.Add(Column.Infer("run_result_metadata_" + key, runs, r => r.Metadata, key));
            }
        }

        if (result.Objectives.Count > 0)
        {
            var front = new HashSet<RunResult>(result.ParetoFront());
            columns.Add(new Column("is_pareto", [.. runs.Select(r => (object?)front.Contains(r))], ColumnKind.Boolean));
        }

        if (includeRunDetails)
        {
            columns.AddRange(RunDetailColumns.For(runs));
        }

        return new RunTable(columns, runs.Count);
    }

    public DataFrame ToDataFrame() => new(Columns.Select(c => c.ToDataFrameColumn()));

    public void WriteCsv(TextWriter writer)
    {
        writer.WriteLine(string.Join(',', Columns.Select(c => Csv.Escape(c.Name))));
        for (int row = 0; row < RowCount; row++)
        {
            for (int c = 0; c < Columns.Count; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                writer.Write(Csv.Escape(ValueText.Format(Columns[c].Values[row])));
            }

            writer.WriteLine();
        }
    }

    private static List<string> KeysInOrder(IEnumerable<string> first, IEnumerable<IReadOnlyDictionary<string, object?>> maps)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (string key in first.Concat(maps.SelectMany(m => m.Keys)))
        {
            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    internal enum ColumnKind
    {
        Int32,
        Int64,
        Double,
        Boolean,
        String,
    }

    internal sealed record Column(string Name, object?[] Values, ColumnKind Kind)
    {
        public static Column Infer(string name, IReadOnlyList<RunResult> runs, Func<RunResult, IReadOnlyDictionary<string, object?>> map, string key)
        {
            var values = new object?[runs.Count];
            ColumnKind? kind = null;
            for (int i = 0; i < runs.Count; i++)
            {
                map(runs[i]).TryGetValue(key, out object? value);
                values[i] = value;
                if (value is not null)
                {
                    kind = Widen(kind, KindOf(value));
                }
            }

            return new Column(name, values, kind ?? ColumnKind.String);
        }

        public DataFrameColumn ToDataFrameColumn() => Kind switch
        {
            ColumnKind.Int32 => new Int32DataFrameColumn(Name, Values.Select(v => v is null ? (int?)null : (int)v)),
            ColumnKind.Int64 => new Int64DataFrameColumn(Name, Values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, CultureInfo.InvariantCulture))),
            ColumnKind.Double => new DoubleDataFrameColumn(Name, Values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, CultureInfo.InvariantCulture))),
            ColumnKind.Boolean => new BooleanDataFrameColumn(Name, Values.Select(v => (bool?)v)),
            _ => new StringDataFrameColumn(Name, Values.Select(v => v is null ? null : ValueText.Format(v))),
        };

        private static ColumnKind KindOf(object value) => value switch
        {
            int => ColumnKind.Int32,
            long => ColumnKind.Int64,
            double or float or decimal => ColumnKind.Double,
            bool => ColumnKind.Boolean,
            _ => ColumnKind.String,
        };

        private static ColumnKind Widen(ColumnKind? current, ColumnKind next)
        {
            if (current is not ColumnKind kind || kind == next)
            {
                return next;
            }

            bool numeric = kind is ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Double;
            bool nextNumeric = next is ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Double;
            if (numeric && nextNumeric)
            {
                return kind == ColumnKind.Double || next == ColumnKind.Double ? ColumnKind.Double : ColumnKind.Int64;
            }

            return ColumnKind.String;
        }
    }
}
