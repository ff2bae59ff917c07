using System.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace Nomadic.Serialization;

/// <summary>
/// Opens files other processes write too: exclusively for a short change (waiting while another process holds the
/// file), or for reading (waiting out such a change).
/// </summary>
/// <remarks>
/// .NET locks an open file for the whole process: on Linux and macOS with <c>flock</c> (exclusive for
/// <see cref="FileShare.None"/>, shared otherwise), on Windows by its sharing mode. An open that meets another's lock
/// fails at once, so waiting means trying again.
/// </remarks>
internal static class SharedFile
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Opens a file for reading and writing with no other process (or handle) holding it, waiting for one that does.</summary>
    /// <param name="path">The full path.</param>
    /// <param name="mode">Whether to create the file.</param>
    /// <returns>The handle; the file stays locked until it is disposed.</returns>
    /// <exception cref="IOException">Another process kept the file open longer than the patience, or the file cannot be opened.</exception>
    public static SafeFileHandle OpenLocked(string path, FileMode mode) =>
        Retry(path, () => File.OpenHandle(path, mode, FileAccess.ReadWrite, FileShare.None));

    /// <summary>Reads a whole file, waiting while a writer holds it locked.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ReadAllBytes(string path) => Retry(path, () => File.ReadAllBytes(path));

    /// <summary>Opens a file unless another process holds a lock that excludes this open.</summary>
    /// <returns>The stream, or <see langword="null"/> when the file is held.</returns>
    public static FileStream? TryOpen(string path, FileMode mode, FileAccess access, FileShare share)
    {
        try
        {
            return new FileStream(path, mode, access, share, bufferSize: 1);
        }
        catch (IOException e) when (IsHeldByAnother(e))
        {
            return null;
        }
    }

    /// <summary>Reads everything from a handle, from an offset to its end.</summary>
    public static byte[] ReadFrom(SafeFileHandle file, long offset)
    {
        byte[] bytes = new byte[checked((int)(RandomAccess.GetLength(file) - offset))];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(file, bytes.AsSpan(read), offset + read);
            if (n == 0)
            {
                return bytes[..read];
            }

            read += n;
        }

        return bytes;
    }

    // The error an open gets when another handle holds a lock that excludes it: EWOULDBLOCK from flock, or Windows'
    // sharing and lock violations.
    private static bool IsHeldByAnother(IOException e) =>
        e.GetType() == typeof(IOException) && (OperatingSystem.IsWindows()
            ? e.HResult is unchecked((int)0x80070020) or unchecked((int)0x80070021)
            : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35));

    private static T Retry<T>(string path, Func<T> open)
    {
        long start = Stopwatch.GetTimestamp();
        int pause = 1;
        while (true)
        {
            try
            {
                return open();
            }
            catch (IOException e) when (IsHeldByAnother(e))
            {
                if (Stopwatch.GetElapsedTime(start) > Patience)
                {
                    throw new IOException($"{path}: another process kept the file locked for {Patience.TotalSeconds:0} s", e);
                }
            }

            Thread.Sleep(pause);
            pause = Math.Min(pause * 2, 20);
        }
    }
}
