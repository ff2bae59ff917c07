namespace Nomadic.Cli.Tests.Support;

/// <summary>A file's bytes and modification time, and the names in its folder, to check later that a command changed nothing.</summary>
internal sealed class FileSnapshot
{
    private readonly string _path;
    private readonly byte[] _bytes;
    private readonly DateTime _modified;
    private readonly string[] _folder;

    public FileSnapshot(string path)
    {
        _path = path;
        _bytes = File.ReadAllBytes(path);
        _modified = File.GetLastWriteTimeUtc(path);
        _folder = Names(path);
    }

    /// <summary>Asserts the file has its bytes and time, and nothing was added beside it (no -wal, -shm or -journal).</summary>
    public void AssertUnchanged()
    {
        AssertFileUnchanged();
        Assert.Equal(_folder, Names(_path));
    }

    /// <summary>
    /// Asserts the file has its bytes and time; SQLite may have added the -wal and -shm files it reads a file in
    /// write-ahead-log mode with, and nothing else.
    /// </summary>
    public void AssertFileUnchanged()
    {
        Assert.Equal(_bytes, File.ReadAllBytes(_path));
        Assert.Equal(_modified, File.GetLastWriteTimeUtc(_path));
        string name = Path.GetFileName(_path);
        Assert.Equal(_folder, Names(_path).Where(n => n != name + "-wal" && n != name + "-shm" || _folder.Contains(n)));
    }

    private static string[] Names(string path) =>
        Directory.GetFiles(Path.GetDirectoryName(path)!).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
}
