using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Nomadic.Results;

/// <summary>
/// Reads what was appended to a locked journal since an offset and repairs a last line a process did not finish.
/// Every writer appends whole lines while it holds the journal locked, so an unfinished line found under the lock was
/// left by a process that died writing it.
/// </summary>
internal static class JournalTail
{
    /// <summary>Drops an unfinished last line, or ends with a newline a last line that lacks only that.</summary>
    /// <param name="file">The journal, locked.</param>
    /// <param name="added">The bytes from <paramref name="offset"/> to the end of the file.</param>
    /// <param name="offset">Where <paramref name="added"/> starts, at the beginning of a line.</param>
    /// <returns>The file's length afterwards.</returns>
    public static long Repair(SafeFileHandle file, ReadOnlySpan<byte> added, long offset)
    {
        int lastNewline = added.LastIndexOf((byte)'\n');
        ReadOnlySpan<byte> tail = added[(lastNewline + 1)..];
        long end = offset + added.Length;
        if (tail.IsEmpty)
        {
            return end;
        }

        if (IsCompleteJson(tail))
        {
            RandomAccess.Write(file, "\n"u8, end);
            return end + 1;
        }

        RandomAccess.SetLength(file, offset + lastNewline + 1);
        return offset + lastNewline + 1;
    }

    /// <summary>Gets the trial numbers of the run lines among complete lines (the header and unreadable lines have none).</summary>
    public static IEnumerable<int> TrialNumbers(ReadOnlyMemory<byte> lines)
    {
        int start = 0;
        while (start < lines.Length)
        {
            int length = lines.Span[start..].IndexOf((byte)'\n');
            ReadOnlyMemory<byte> line = length < 0 ? lines[start..] : lines.Slice(start, length);
            start += length < 0 ? lines.Length - start : length + 1;
            if (TrialNumber(line.Span) is int number)
            {
                yield return number;
            }
        }
    }

    /// <summary>Whether a line is whole JSON: a line a crash cut short is not.</summary>
    public static bool IsCompleteJson(ReadOnlySpan<byte> line)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line.ToArray());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int? TrialNumber(ReadOnlySpan<byte> line)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("trial_number", out JsonElement number)
                && number.TryGetInt32(out int value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
