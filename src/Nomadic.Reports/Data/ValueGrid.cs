namespace Nomadic.Reports.Data;

/// <summary>An immutable rectangular grid of numbers (rows by columns); NaN marks a cell without a value.</summary>
internal sealed class ValueGrid
{
    private readonly double[,] _values;

    /// <summary>Initializes a new instance of the <see cref="ValueGrid"/> class with a copy of the values.</summary>
    /// <param name="values">The values, indexed [row, column].</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public ValueGrid(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = (double[,])values.Clone();
    }

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => _values.GetLength(0);

    /// <summary>Gets the number of columns.</summary>
    public int ColumnCount => _values.GetLength(1);

    /// <summary>Gets the value of a cell.</summary>
    /// <param name="row">The row, from 0.</param>
    /// <param name="column">The column, from 0.</param>
    /// <returns>The value, NaN when the cell has none.</returns>
    public double this[int row, int column] => _values[row, column];

    /// <summary>Returns a copy of the values, indexed [row, column].</summary>
    /// <returns>The copy.</returns>
    public double[,] ToArray() => (double[,])_values.Clone();
}
