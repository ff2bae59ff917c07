using System.Diagnostics;
using System.Globalization;

namespace Nomadic.Testing;

/// <summary>
/// Another program using a SQLite file, in a process of its own: Python's sqlite3 module, as a user's script or the
/// sqlite3 shell would. Shared by the test projects that check Nomadic keeps its locks while others read the file.
/// </summary>
public static class ForeignSqliteClient
{
    private const string Python = "/usr/bin/python3";

    // Each pass opens the file, reads the schema and closes it again: the last connection to close checkpoints the
    // write-ahead log and deletes it, unless another process still holds its lock on the file.
    private const string ReadScript = """
        import sqlite3, sys, time
        path, times, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
        for _ in range(times):
            connection = sqlite3.connect(path)
            connection.execute("SELECT count(*) FROM sqlite_schema").fetchall()
            connection.close()
            time.sleep(pause)
        """;

    private const string WriteScript = """
        import sqlite3, sys
        connection = sqlite3.connect(sys.argv[1], timeout=30)
        connection.executescript(sys.argv[2])
        connection.close()
        """;

    // Asks the kernel which process holds a lock that conflicts with writing SQLite's shared-lock bytes: a process
    // with the file open through SQLite holds a read lock there for as long as it reads the file in WAL mode.
    private const string LockScript = """
        import fcntl, os, struct, sys
        fd = os.open(sys.argv[1], os.O_RDONLY)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0x40000002, 510, 0))
        kind, _, _, _, pid = struct.unpack("hhqqi", answer)
        print(0 if kind == fcntl.F_UNLCK else pid)
        """;

    /// <summary>Opens the file, reads it and closes it, <paramref name="times"/> times, and waits for the process to end.</summary>
    /// <exception cref="InvalidOperationException">Python failed; the message holds what it wrote.</exception>
    public static void Read(string database, int times = 1) => Finish(Run(ReadScript, database, times.ToString(CultureInfo.InvariantCulture), "0"), database);

    /// <summary>Runs SQL statements on the file in one connection, then closes it, and waits for the process to end.</summary>
    /// <exception cref="InvalidOperationException">Python failed; the message holds what it wrote.</exception>
    public static void Execute(string database, string sql) => Finish(Run(WriteScript, database, sql), database);

    /// <summary>Starts opening, reading and closing the file every <paramref name="pause"/> until it is killed.</summary>
    /// <returns>The Python process; the caller kills and disposes it.</returns>
    public static Process StartReading(string database, TimeSpan pause) =>
        Run(ReadScript, database, int.MaxValue.ToString(CultureInfo.InvariantCulture), pause.TotalSeconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>Gets the id of the process holding SQLite's shared lock on the file, or 0 when no process holds it.</summary>
    public static int LockHolder(string database)
    {
        using Process probe = Run(LockScript, database);
        string output = probe.StandardOutput.ReadToEnd();
        probe.WaitForExit();
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stops a process <see cref="StartReading"/> started, and says whether it failed on its own before.</summary>
    public static string Stop(Process reader)
    {
        string failure = reader.HasExited && reader.ExitCode != 0 ? reader.StandardError.ReadToEnd() : "";
        if (!reader.HasExited)
        {
            reader.Kill();
            reader.WaitForExit();
        }

        reader.Dispose();
        return failure;
    }

    private static void Finish(Process python, string database)
    {
        using (python)
        {
            string errors = python.StandardError.ReadToEnd();
            python.WaitForExit();
            if (python.ExitCode != 0)
            {
                throw new InvalidOperationException($"python3 failed on {database}: {errors}");
            }
        }
    }

    private static Process Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
