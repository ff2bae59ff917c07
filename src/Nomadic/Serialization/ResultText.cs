using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Nomadic.Results;

namespace Nomadic.Serialization;

/// <summary>Reads a result file's text as UTF-8, refusing bytes that are not UTF-8 rather than replacing them.</summary>
internal static class ResultText
{
    /// <summary>Reads the whole file; a leading byte order mark is skipped.</summary>
    /// <exception cref="ResultFormatException">The file is not valid UTF-8; the message names the line and byte.</exception>
    public static string ReadFile(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> text = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(Encoding.UTF8.Preamble.Length) : bytes;
        char[] chars = new char[text.Length];
        if (Utf8.ToUtf16(text, chars, out int valid, out int written, replaceInvalidSequences: false) == OperationStatus.InvalidData)
        {
            int line = text[..valid].Count((byte)'\n') + 1;
            int offset = valid + (bytes.Length - text.Length);
            throw new ResultFormatException(path, string.Create(CultureInfo.InvariantCulture, $"is not valid UTF-8 text (line {line}, byte {offset + 1}: 0x{text[valid]:X2})"));
        }

        return new string(chars, 0, written);
    }
}
