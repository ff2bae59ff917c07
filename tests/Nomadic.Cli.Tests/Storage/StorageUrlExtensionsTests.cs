using Nomadic.Cli.Storage;
using Nomadic.Storage;

namespace Nomadic.Cli.Tests.Storage;

public sealed class StorageUrlExtensionsTests
{
    [Fact]
    public void OpenExisting_MissingSqliteFile_FailsWithoutCreatingIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"nomadic-missing-{Guid.NewGuid():N}.db");

        var error = Assert.Throws<InputException>(() => StorageUrl.Parse(path, "/").OpenExisting());

        Assert.Contains("no such storage file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void OpenForReading_MissingSqliteFile_FailsWithoutCreatingIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"nomadic-missing-{Guid.NewGuid():N}.db");

        var error = Assert.Throws<InputException>(() => StorageUrl.Parse(path, "/").OpenForReading());

        Assert.EndsWith("no such storage file (run an experiment first, or name the storage with --storage)", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
