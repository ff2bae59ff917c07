using System.Security.Cryptography;
using System.Text;
using Nomadic.Serialization;

namespace Nomadic.Results;

/// <summary>
/// The processes writing one results journal, known by a lock file beside it (<c>journal.jsonl.lock</c>) each holds
/// while its journal is open: held together by writers that mirror one stored experiment, held alone by any other.
/// The first writer records in it what the journal is written for; the last one removes it.
/// </summary>
/// <remarks>
/// Writers join and leave only while holding the journal itself locked, so no two do at once. A process that dies
/// lets go of the lock file with its other files; the next writer finds it unheld and takes it over.
/// </remarks>
internal sealed class JournalWriters
{
    private const string Alone = "one process";
    private readonly string _lockPath;
    private readonly FileStream _held;

    private JournalWriters(string lockPath, FileStream held)
    {
        _lockPath = lockPath;
        _held = held;
    }

    /// <summary>Joins the writers of a journal; call with the journal locked.</summary>
    /// <param name="file">The journal's full path.</param>
    /// <param name="path">The journal's path for messages.</param>
    /// <param name="sharedBy">What the runs of a shared journal come from (storage and experiment), or <see langword="null"/> for a journal of this process alone.</param>
    /// <returns>This process's membership, held until <see cref="Leave"/>.</returns>
    /// <exception cref="IOException">Another process writes the journal and this one may not join it.</exception>
    public static JournalWriters Join(string file, string path, string? sharedBy)
    {
        string lockPath = file + ".lock";
        // A digest, not the storage's location: the lock file is readable by anyone who can list the folder.
        string purpose = sharedBy is null ? Alone : "shared " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sharedBy)));
        if (SharedFile.TryOpen(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None) is FileStream first)
        {
            try
            {
                first.SetLength(0);
                first.Write(Encoding.UTF8.GetBytes(purpose));
                first.Flush();
            }
            catch
            {
                first.Dispose();
                throw;
            }

            if (sharedBy is null)
            {
                return new JournalWriters(lockPath, first);
            }

            first.Dispose();
        }

        if (sharedBy is not null && SharedFile.TryOpen(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite) is FileStream member)
        {
            using var reader = new StreamReader(member, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            string held = reader.ReadToEnd();
            if (held == purpose)
            {
                return new JournalWriters(lockPath, member);
            }

            member.Dispose();
            if (held != Alone)
            {
                throw new IOException($"{path}: another process is writing this results journal for another storage or experiment; choose another journal path");
            }
        }

        throw new IOException($"{path}: another process has this results journal open; wait for it to end or choose another journal path");
    }

    /// <summary>Leaves the writers, removing the lock file when this was the last.</summary>
    /// <param name="removeLockFile">Whether the caller holds the journal locked, so the lock file may be removed.</param>
    public void Leave(bool removeLockFile = true)
    {
        _held.Dispose();
        if (!removeLockFile)
        {
            return;
        }

        try
        {
            FileStream? last = SharedFile.TryOpen(_lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            if (last is not null)
            {
                last.Dispose();
                File.Delete(_lockPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The lock file stays; the next writer takes it over.
        }
    }
}
