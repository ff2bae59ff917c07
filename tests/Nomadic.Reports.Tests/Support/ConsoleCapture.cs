using System.Runtime.InteropServices;

namespace Nomadic.Reports.Tests.Support;

/// <summary>
/// Captures what an action writes to the console: through <see cref="Console"/> and, on Linux, straight to the
/// process' standard output and error (file descriptors 1 and 2), where native code such as Skia prints.
/// </summary>
internal static class ConsoleCapture
{
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    public static string Of(Action action)
    {
        string file = Path.GetTempFileName();
        TextWriter oldOut = Console.Out, oldError = Console.Error;
        using var managed = new StringWriter();
        int savedOut = -1, savedError = -1;
        try
        {
            using (var sink = new FileStream(file, FileMode.Open, FileAccess.Write))
            {
                if (OperatingSystem.IsLinux())
                {
                    int fd = (int)sink.SafeFileHandle.DangerousGetHandle();
                    savedOut = Check(Dup(StandardOutput));
                    savedError = Check(Dup(StandardError));
                    Check(Dup2(fd, StandardOutput));
                    Check(Dup2(fd, StandardError));
                }

                Console.SetOut(managed);
                Console.SetError(managed);
                try
                {
                    action();
                }
                finally
                {
                    Console.SetOut(oldOut);
                    Console.SetError(oldError);
                    if (savedOut >= 0)
                    {
                        Check(Dup2(savedOut, StandardOutput));
                        Check(Dup2(savedError, StandardError));
                        Check(Close(savedOut));
                        Check(Close(savedError));
                    }
                }
            }

            return managed + File.ReadAllText(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int Check(int result) => result >= 0 ? result : throw new IOException($"A console redirection failed (error {Marshal.GetLastPInvokeError()}).");

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int Dup2(int from, int to);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
