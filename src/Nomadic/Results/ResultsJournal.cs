using System.Buffers;
using System.Text;
using System.Text.Json;
using Nomadic.Serialization;
using Nomadic.Tuning;

namespace Nomadic.Results;

/// <summary>
/// An append-only file of JSON lines: a header naming the experiment and its search space, then one line per finished
/// run. Each run is appended and flushed as it finishes, so a crash loses no finished run.
/// </summary>
/// <remarks>
/// Reopening a journal returns the runs it holds (<see cref="ExistingRuns"/>) so an experiment can resume; a last line
/// torn by a crash is dropped. Appending is thread-safe.
/// </remarks>
public sealed class ResultsJournal : IDisposable
{
    private const string Format = "nomadic.results_journal";
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly Lock _gate = new();
    private bool _disposed;

    private ResultsJournal(string path, FileStream stream, IReadOnlyList<RunResult> existingRuns)
    {
        Path = path;
        _stream = stream;
        ExistingRuns = existingRuns;
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>Gets the journal's file path.</summary>
    public string Path { get; }

    /// <summary>Gets the runs the journal already held when it was opened, in file order.</summary>
    public IReadOnlyList<RunResult> ExistingRuns { get; }

    /// <summary>Opens a journal, creating it with a header when missing or empty, or reading the runs it holds.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The experiment's name.</param>
    /// <param name="direction">The experiment's direction.</param>
    /// <param name="space">The experiment's search space; an existing journal must have been written for the same one.</param>
    /// <param name="objectives">The experiment's objectives besides the score; an existing journal must record the same ones.</param>
    /// <returns>The open journal.</returns>
    /// <exception cref="ResultFormatException">The file is not a journal, or one written for another search space, direction or objectives.</exception>
    public static ResultsJournal Open(string path, string? name, Direction direction, SearchSpace space, IReadOnlyList<ObjectiveMetric>? objectives = null)
    {
        objectives ??= [];
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(space);
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            IReadOnlyList<RunResult> existing = [];
            string text = stream.Length > 0 ? ReadAll(stream) : "";
            if (!text.Contains('\n', StringComparison.Ordinal))
            {
                if (!HeaderStart.StartsWith(text, StringComparison.Ordinal) && !LooksLikeJournal(text))
                {
                    throw new ResultFormatException(path, "is not a results journal (its first line is not a journal header)");
                }

                // No complete line: the process died while writing the header; nothing was recorded yet.
                stream.SetLength(0);
            }
            else
            {
                ExperimentResult previous = Parse(text, path);
                if (previous.HpSearchSpace.ToJson() != space.ToJson() || previous.Direction != direction)
                {
                    throw new ResultFormatException(path, "was written for a different search space or direction; choose another journal path");
                }

                if (!previous.Objectives.SequenceEqual(objectives))
                {
                    throw new ResultFormatException(path, $"was written for objectives {ObjectiveVectors.Describe(previous.Objectives)}, not {ObjectiveVectors.Describe(objectives)}; choose another journal path");
                }

                existing = previous.RunResults;
                RepairTail(stream, text);
            }

            var journal = new ResultsJournal(path, stream, existing);
            if (stream.Length == 0)
            {
                journal.WriteHeader(name, direction, space, objectives);
            }

            return journal;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a journal into an experiment result.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The result holding every complete run line.</returns>
    /// <exception cref="ResultFormatException">The file is not a journal or a line in its middle is malformed.</exception>
    public static ExperimentResult Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Appends a finished run and flushes it to the operating system.</summary>
    /// <param name="run">The run.</param>
    public void Append(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            RunJson.Write(_writer, run);
            WriteLine();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _writer.Dispose();
            _stream.Dispose();
        }
    }

    private const string HeaderStart = "{\"format\":\"" + Format + "\"";

    internal static bool LooksLikeJournal(string text) => text.AsSpan().TrimStart().StartsWith(HeaderStart, StringComparison.Ordinal);

    internal static ExperimentResult Parse(string text, string? path)
    {
        string[] lines = text.Split('\n');
        bool tornTail = !text.EndsWith('\n');
        if (lines.Length == 0 || !LooksLikeJournal(lines[0]))
        {
            throw new ResultFormatException(path, "is not a results journal (its first line is not a journal header)");
        }

        try
        {
            using JsonDocument header = JsonDocument.Parse(lines[0]);
            var runs = new List<RunResult>();
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                try
                {
                    using JsonDocument line = JsonDocument.Parse(lines[i]);
                    runs.Add(RunJson.Read(line.RootElement));
                }
                catch (JsonException) when (tornTail && i == lines.Length - 1)
                {
                    // The process died while writing this run: it never finished being recorded.
                }
                catch (JsonException e)
                {
                    throw new ResultFormatException(path, $"line {i + 1} is not a valid run: {ExperimentResultJson.FirstSentence(e.Message)}");
                }
            }

            return ExperimentResultJson.ReadHeader(header.RootElement, runs.OrderBy(r => r.TrialNumber), path);
        }
        catch (JsonException e)
        {
            throw new ResultFormatException(path, "line 1 is not a valid journal header: " + ExperimentResultJson.FirstSentence(e.Message));
        }
        catch (SearchSpaceException e)
        {
            throw new ResultFormatException(path, e.Message);
        }
    }

    // A last line without its newline was being written when the process died: dropped if incomplete, kept (and
    // terminated) if it parses, so the file and the runs read from it agree.
    private static void RepairTail(FileStream stream, string text)
    {
        int lastNewline = text.LastIndexOf('\n');
        string tail = text[(lastNewline + 1)..];
        stream.Seek(0, SeekOrigin.End);
        if (tail.Length == 0)
        {
            return;
        }

        if (IsCompleteJson(tail))
        {
            stream.Write("\n"u8);
            return;
        }

        stream.SetLength(Encoding.UTF8.GetByteCount(text.AsSpan(0, lastNewline + 1)));
        stream.Seek(0, SeekOrigin.End);
    }

    private static bool IsCompleteJson(string line)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string ReadAll(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return reader.ReadToEnd();
    }

    private void WriteHeader(string? name, Direction direction, SearchSpace space, IReadOnlyList<ObjectiveMetric> objectives)
    {
        lock (_gate)
        {
            _writer.WriteStartObject();
            _writer.WriteString("format", Format);
            _writer.WriteNumber("version", 1);
            ExperimentResultJson.WriteHeader(_writer, name, direction, space, new Dictionary<string, object?>());
            ObjectivesJson.Write(_writer, objectives);
            _writer.WriteEndObject();
            WriteLine();
        }
    }

    private void WriteLine()
    {
        _writer.Flush();
        _buffer.Write("\n"u8);
        _stream.Write(_buffer.WrittenSpan);
        _stream.Flush();
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
