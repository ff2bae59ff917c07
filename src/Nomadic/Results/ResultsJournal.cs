using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Nomadic.Serialization;
using Nomadic.Tuning;

namespace Nomadic.Results;

/// <summary>
/// An append-only file of JSON lines: a header naming the experiment and its search space, then one line per finished
/// run. Each run is appended and flushed as it finishes, so a crash loses no finished run.
/// </summary>
/// <remarks>
/// <para>
/// Reopening a journal returns the runs it holds (<see cref="ExistingRuns"/>) so an experiment can resume; a last line
/// torn by a crash is dropped. Appending is thread-safe.
/// </para>
/// <para>
/// A journal opened without a storage location is written by that one open journal alone: opening it again, in this
/// process or another, is refused until it is closed. Journals opened with the same storage location and experiment
/// name mirror one stored experiment and may be open in several processes at once: each appends whole lines at the
/// end of the file under a lock, reading first what the others appended, and writes a trial number only once.
/// A lock file beside the journal (its name with <c>.lock</c> added) marks it open; the last process to close
/// the journal removes it.
/// </para>
/// </remarks>
public sealed class ResultsJournal : IDisposable
{
    private const string Format = "nomadic.results_journal";
    private readonly string _file;
    private readonly JournalWriters _writers;
    private readonly HashSet<int>? _recorded;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly Lock _gate = new();
    private long _end;
    private bool _disposed;

    private ResultsJournal(string path, string file, JournalWriters writers, bool shared, IReadOnlyList<RunResult> existingRuns)
    {
        Path = path;
        _file = file;
        _writers = writers;
        _recorded = shared ? existingRuns.Select(r => r.TrialNumber).Where(n => n >= 0).ToHashSet() : null;
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
    /// <param name="storageLocation">
    /// The location of the storage the experiment's runs are kept in (<see cref="Storage.IExperimentStorage.Location"/>)
    /// when the journal mirrors it: other processes may then open the journal with the same location and name and
    /// append to it too, each trial number being written once. The default is none: the journal is this one's alone.
    /// </param>
    /// <returns>The open journal.</returns>
    /// <exception cref="ResultFormatException">The file is not a journal, or one written for another search space, direction or objectives.</exception>
    /// <exception cref="IOException">The journal is open elsewhere (in this process or another) and may not be shared with it; the message names the file.</exception>
    public static ResultsJournal Open(string path, string? name, Direction direction, SearchSpace space, IReadOnlyList<ObjectiveMetric>? objectives = null, string? storageLocation = null)
    {
        objectives ??= [];
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(space);
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        using SafeFileHandle file = SharedFile.OpenLocked(full, FileMode.OpenOrCreate);
        JournalWriters writers = JournalWriters.Join(full, path, storageLocation is null ? null : $"{storageLocation} as '{name}'");
        try
        {
            (IReadOnlyList<RunResult> existing, long end) = ReadExisting(file, path, direction, space, objectives);
            var journal = new ResultsJournal(path, full, writers, storageLocation is not null, existing) { _end = end };
            if (end == 0)
            {
                journal.WriteHeader(file, name, direction, space, objectives);
            }

            return journal;
        }
        catch
        {
            writers.Leave();
            throw;
        }
    }

    /// <summary>Reads a journal into an experiment result: the runs an experiment resuming from it would see.</summary>
    /// <param name="path">The file.</param>
    /// <returns>
    /// The result holding every complete run line, except a failed run whose configuration was run again later in the
    /// journal: the later run replaces it, as when the experiment resumes.
    /// </returns>
    /// <exception cref="ResultFormatException">The file is not a journal or a line in its middle is malformed.</exception>
    public static ExperimentResult Read(string path) => Parse(ResultText.ReadFile(path), path, latestRuns: true);

    /// <summary>Appends a finished run at the end of the file and flushes it to the operating system.</summary>
    /// <param name="run">The run.</param>
    /// <returns>
    /// <see langword="true"/> when the run was written; <see langword="false"/> when the journal mirrors a storage and
    /// already holds a run of that trial number (written by another process).
    /// </returns>
    /// <exception cref="IOException">The journal was deleted, or another process kept it locked too long.</exception>
    public bool Append(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SafeFileHandle file = SharedFile.OpenLocked(_file, FileMode.Open);
            CatchUp(file);
            if (_recorded is not null && run.TrialNumber >= 0 && !_recorded.Add(run.TrialNumber))
            {
                return false;
            }

            RunJson.Write(_writer, run);
            WriteLine(file);
            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            SafeFileHandle? file = null;
            try
            {
                file = SharedFile.OpenLocked(_file, FileMode.Open);
            }
            catch (IOException)
            {
                // Deleted, or held too long: leave without the journal's lock; the lock file stays for the next writer.
            }
            catch (UnauthorizedAccessException)
            {
            }

            using (file)
            {
                _writers.Leave(removeLockFile: file is not null);
            }
        }
    }

    private const string HeaderStart = "{\"format\":\"" + Format + "\"";

    internal static bool LooksLikeJournal(string text) => text.AsSpan().TrimStart().StartsWith(HeaderStart, StringComparison.Ordinal);

    // With latestRuns, a failed run superseded by a later run of its configuration is left out (what resuming sees);
    // without, every line is returned, as the writers need to know every trial number written.
    internal static ExperimentResult Parse(string text, string? path, bool latestRuns)
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
                    // The process died while writing this run: it never finished being recorded. A last line that is
                    // whole JSON was written in full, so it must be a valid run like any other.
                    if (tornTail && i == lines.Length - 1 && !JournalTail.IsCompleteJson(Encoding.UTF8.GetBytes(lines[i])))
                    {
                        continue;
                    }

                    using JsonDocument line = JsonDocument.Parse(lines[i]);
                    runs.Add(RunJson.Read(line.RootElement));
                }
                catch (JsonException e)
                {
                    throw new ResultFormatException(path, $"line {i + 1} is not a valid run: {ExperimentResultJson.FirstSentence(e.Message).TrimEnd('.')}; fix or delete that line to use the journal");
                }
            }

            ExperimentResult all = ExperimentResultJson.ReadHeader(header.RootElement, runs.OrderBy(r => r.TrialNumber), path);
            return latestRuns
                ? ExperimentResultJson.ReadHeader(header.RootElement, Experiments.JournalResume.Of(runs, all.HpSearchSpace.Names, retryFailed: false).Kept.OrderBy(r => r.TrialNumber), path)
                : all;
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

    // Reads the runs of an existing journal (checking it belongs to this experiment) and repairs a torn last line, so
    // the file and the runs read from it agree; returns them with the file's length, 0 when a header must be written.
    private static (IReadOnlyList<RunResult> Runs, long End) ReadExisting(SafeFileHandle file, string path, Direction direction, SearchSpace space, IReadOnlyList<ObjectiveMetric> objectives)
    {
        byte[] bytes = SharedFile.ReadFrom(file, 0);
        if (!bytes.AsSpan().Contains((byte)'\n'))
        {
            string start = Decode(bytes);
            if (!HeaderStart.StartsWith(start, StringComparison.Ordinal) && !LooksLikeJournal(start))
            {
                throw new ResultFormatException(path, "is not a results journal (its first line is not a journal header)");
            }

            // No complete line: the process died while writing the header; nothing was recorded yet.
            RandomAccess.SetLength(file, 0);
            return ([], 0);
        }

        ExperimentResult previous = Parse(ResultText.Decode(bytes, path), path, latestRuns: false);
        if (previous.HpSearchSpace.ToJson() != space.ToJson() || previous.Direction != direction)
        {
            throw new ResultFormatException(path, "was written for a different search space or direction; choose another journal path");
        }

        if (!previous.Objectives.SequenceEqual(objectives))
        {
            throw new ResultFormatException(path, $"was written for objectives {ObjectiveVectors.Describe(previous.Objectives)}, not {ObjectiveVectors.Describe(objectives)}; choose another journal path");
        }

        return (previous.RunResults, JournalTail.Repair(file, bytes, 0));
    }

    // As File.ReadAllText reads it: a byte order mark is skipped.
    private static string Decode(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(Encoding.UTF8.Preamble.Length) : bytes);

    // Takes in what other processes appended since this one last wrote, repairing a line one of them left unfinished.
    private void CatchUp(SafeFileHandle file)
    {
        long length = RandomAccess.GetLength(file);
        if (length == _end)
        {
            return;
        }

        // Shorter than written: cut by hand; read it all again.
        long from = length < _end ? 0 : _end;
        byte[] added = SharedFile.ReadFrom(file, from);
        _end = JournalTail.Repair(file, added, from);
        if (_recorded is not null)
        {
            _recorded.UnionWith(JournalTail.TrialNumbers(added.AsMemory(0, (int)Math.Min(added.Length, _end - from))));
        }
    }

    private void WriteHeader(SafeFileHandle file, string? name, Direction direction, SearchSpace space, IReadOnlyList<ObjectiveMetric> objectives)
    {
        _writer.WriteStartObject();
        _writer.WriteString("format", Format);
        _writer.WriteNumber("version", 1);
        ExperimentResultJson.WriteHeader(_writer, name, direction, space, new Dictionary<string, object?>());
        ObjectivesJson.Write(_writer, objectives);
        _writer.WriteEndObject();
        WriteLine(file);
    }

    // One write of the whole line at the end, under the journal's lock: no other writer can tear or cover it.
    private void WriteLine(SafeFileHandle file)
    {
        _writer.Flush();
        _buffer.Write("\n"u8);
        RandomAccess.Write(file, _buffer.WrittenSpan, _end);
        _end += _buffer.WrittenCount;
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
