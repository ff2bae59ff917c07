using System.Text;
using Nomadic.Serialization;

namespace Nomadic.Tests.Serialization;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WriteAllText_NewFile_WritesUtf8WithoutBom()
    {
        string path = Path.Combine(_directory, "a.json");

        AtomicFile.WriteAllText(path, "naïve");

        Assert.Equal(Encoding.UTF8.GetBytes("naïve"), File.ReadAllBytes(path));
    }

    [Fact]
    public void WriteAllText_ExistingLongerFile_IsReplacedEntirely()
    {
        string path = Path.Combine(_directory, "b.json");
        File.WriteAllText(path, new string('x', 10_000));

        AtomicFile.WriteAllText(path, "short");

        Assert.Equal("short", File.ReadAllText(path));
    }

    [Fact]
    public void WriteAllText_Done_LeavesNoTemporaryFile()
    {
        string path = Path.Combine(_directory, "c.json");

        AtomicFile.WriteAllText(path, "1");
        AtomicFile.WriteAllText(path, "2");

        Assert.Equal(["c.json"], Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)));
    }

    [Fact]
    public void WriteAllText_MissingDirectory_CreatesIt()
    {
        string path = Path.Combine(_directory, "x", "y", "d.json");

        AtomicFile.WriteAllText(path, "{}");

        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void WriteAllText_RelativePath_WritesUnderCurrentDirectory()
    {
        string name = "nomadic-atomic-" + Guid.NewGuid().ToString("N") + ".json";
        string full = Path.GetFullPath(name);
        try
        {
            AtomicFile.WriteAllText(name, "rel");

            Assert.Equal("rel", File.ReadAllText(full));
        }
        finally
        {
            File.Delete(full);
        }
    }
}
