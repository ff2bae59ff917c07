namespace Nomadic.Serialization;

/// <summary>Replaces a file's content so a crash leaves either the old or the new content, never a torn file.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = full + "." + Environment.ProcessId + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
