using System.Text;

namespace Nomadic.Cli.Objectives;

/// <summary>
/// Reads lines from a process's output keeping at most a given number of characters of each: the rest of a longer line
/// is read and dropped, so a command printing one endless line cannot fill the memory.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxChars;
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;

    /// <summary>Initializes a new instance of the <see cref="BoundedLineReader"/> class.</summary>
    /// <param name="reader">The output.</param>
    /// <param name="maxChars">The most characters of a line kept.</param>
    public BoundedLineReader(TextReader reader, int maxChars)
    {
        _reader = reader;
        _maxChars = maxChars;
    }

    /// <summary>Gets a value indicating whether a line read so far was longer than the limit (and was cut to it).</summary>
    public bool SawLongLine { get; private set; }

    /// <summary>Reads the next line, without its line ending, cut to the limit.</summary>
    /// <returns>The line, or <see langword="null"/> at the end of the output.</returns>
    public async Task<string?> ReadLineAsync()
    {
        _line.Clear();
        bool any = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _reader.ReadAsync(_buffer.AsMemory());
                if (_end == 0)
                {
                    return any ? Finish() : null;
                }
            }

            any = true;
            int newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            Keep(_buffer.AsSpan(_start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                return Finish();
            }
        }
    }

    private void Keep(ReadOnlySpan<char> part)
    {
        int room = _maxChars - _line.Length;
        if (part.Length > room)
        {
            SawLongLine = true;
            part = part[..Math.Max(room, 0)];
        }

        _line.Append(part);
    }

    private string Finish() =>
        _line.Length > 0 && _line[^1] == '\r' ? _line.ToString(0, _line.Length - 1) : _line.ToString();
}
