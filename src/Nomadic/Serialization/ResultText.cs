using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Nomadic.Results;

namespace Nomadic.Serialization;

/// <summary>Reads a result file's text as UTF-8, refusing bytes that are not UTF-8 rather than replacing them.</summary>
internal static class ResultText
{
    /// <summary>Reads the whole file, waiting while a journal's writer holds it; a leading byte order mark is skipped.</summary>
    /// <exception cref="ResultFormatException">The file is not valid UTF-8; the message names the line and byte.</exception>
    public static string ReadFile(string path) => Decode(SharedFile.ReadAllBytes(path), path);

    /// <summary>Decodes a result file's bytes; a leading byte order mark is skipped.</summary>
    /// <remarks>
    /// A journal's last line without its newline may have been cut by a crash in the middle of a character: there the
    /// bytes are decoded leniently, since the journal's reader drops such a line anyway. Anywhere else a byte that is
    /// not UTF-8 is an error.
    /// </remarks>
    /// <exception cref="ResultFormatException">The bytes are not valid UTF-8; the message names the line and byte.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string? path)
    {
        ReadOnlySpan<byte> text = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        char[] chars = new char[text.Length];
        if (Utf8.ToUtf16(text, chars, out int valid, out int written, replaceInvalidSequences: false) != OperationStatus.InvalidData)
        {
            return new string(chars, 0, written);
        }

        int lastNewline = text.LastIndexOf((byte)'\n');
        if (lastNewline >= 0 && valid > lastNewline && ResultsJournal.LooksLikeJournal(Encoding.UTF8.GetString(text[..lastNewline])))
        {
            return Encoding.UTF8.GetString(text);
        }

        int line = text[..valid].Count((byte)'\n') + 1;
        int offset = valid + (bytes.Length - text.Length);
        throw new ResultFormatException(path, string.Create(CultureInfo.InvariantCulture, $"is not valid UTF-8 text (line {line}, byte {offset + 1}: 0x{text[valid]:X2})"));
    }
}
